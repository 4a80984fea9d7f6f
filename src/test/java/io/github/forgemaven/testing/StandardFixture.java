package io.github.forgemaven.testing;

import io.github.forgemaven.testing.forge.Access;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.Visibility;

/**
 * The accounts every integration test can rely on. Tokens are fixed so that settings.xml files of the
 * invoker ITs can contain them.
 */
public final class StandardFixture {

    public static final String DEPLOYER = "deployer";
    public static final String DEPLOYER_PASSWORD = "deployer-Pa55word";
    /** {@code write:package} token of {@link #DEPLOYER}. */
    public static final String WRITE_TOKEN = "3f7a9c2e5b8d1f4a6c9e2b5d8f1a4c7e0b3d6f9a";
    /** {@code read:package} token of {@link #DEPLOYER}. */
    public static final String READ_TOKEN = "8e1b4d7a0c3f6e9b2d5a8c1f4e7b0d3a6c9f2e5b";
    /** Public organisation where the deployer may write packages. */
    public static final String ORG = "acme";
    /** Public organisation where the deployer may only read packages. */
    public static final String READONLY_ORG = "readonly-org";
    /** A private user, so that the owner exists but the deployer sees 401. */
    public static final String HIDDEN_USER = "hidden-user";

    public static final String HIDDEN_USER_PASSWORD = "hidden-Pa55word";
    /** {@code write:package} and {@code write:repository} token of {@link #DEPLOYER}: packages and releases. */
    public static final String RELEASE_TOKEN = "5c2e8a1f7b4d0e3a6f9c2b5e8d1a4f7c0e3b6d9a";
    /** A repository of {@link #ORG} with one commit on {@code main}, for the release goal. */
    public static final String REPOSITORY = "app";

    public static final String ADMIN = "root";
    public static final String ADMIN_PASSWORD = "root-Pa55word";

    private StandardFixture() {}

    public static RegistryEmulator start() {
        return start(Flavour.FORGEJO);
    }

    public static RegistryEmulator start(Flavour flavour) {
        return start(RegistryEmulator.builder().flavour(flavour));
    }

    /** Starts an emulator with these settings (size limit, flavour...) and the standard accounts. */
    public static RegistryEmulator start(RegistryEmulator.Builder builder) {
        RegistryEmulator emulator = builder.start();
        emulator.addUser(DEPLOYER, DEPLOYER_PASSWORD);
        emulator.addFixedToken(DEPLOYER, WRITE_TOKEN, "write:package");
        emulator.addFixedToken(DEPLOYER, READ_TOKEN, "read:package");
        emulator.addFixedToken(DEPLOYER, RELEASE_TOKEN, "write:package", "write:repository");
        emulator.addOrganization(ORG, Visibility.PUBLIC);
        emulator.grant(ORG, DEPLOYER, Access.WRITE);
        emulator.addRepository(ORG, REPOSITORY).commit();
        emulator.addOrganization(READONLY_ORG, Visibility.PUBLIC);
        emulator.grant(READONLY_ORG, DEPLOYER, Access.READ);
        emulator.addUser(HIDDEN_USER, HIDDEN_USER_PASSWORD, Visibility.PRIVATE);
        emulator.addUser(ADMIN, ADMIN_PASSWORD);
        emulator.makeAdmin(ADMIN);
        return emulator;
    }
}
