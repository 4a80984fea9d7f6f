package io.github.forgemaven.testing.forge;

/** A user or organisation as the emulator knows it at one moment. */
public record Account(
        long id, String name, boolean organization, Visibility visibility, boolean active, boolean admin) {

    Account withActive(boolean value) {
        return new Account(id, name, organization, visibility, value, admin);
    }

    Account withAdmin(boolean value) {
        return new Account(id, name, organization, visibility, active, value);
    }
}
