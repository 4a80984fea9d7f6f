package io.github.forgemaven.registry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The servers' own validation unit cases (generic_test.go), plus our stricter version rule. */
class NamingRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "1", "a-", "a_b", "c.d+", "forge-maven-plugin", "App.Core_2+x"})
    void acceptsThePackageNamesTheServersAccept(String name) {
        assertEquals(Optional.empty(), NamingRules.checkPackageName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "-", "a?b", "a b", "a/b", "ä", "_", "+"})
    void refusesThePackageNamesTheServersRefuse(String name) {
        assertTrue(NamingRules.checkPackageName(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-",
                "a",
                "1",
                "a-",
                "a_b",
                "a b",
                "c.d+",
                "-_+=:;.()[]{}~!@#$%^& aA1",
                "app-1.0-linux x64.tar.gz"
            })
    void acceptsTheFileNamesTheServersAccept(String name) {
        assertEquals(Optional.empty(), NamingRules.checkFileName(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ".",
                "..",
                "a?b",
                "a/b",
                " a",
                "a ",
                "a\\b",
                "a*b",
                "a\"b",
                "a'b",
                "a<b",
                "a>b",
                "a|b",
                "a,b",
                "a`b",
                "é.jar",
                "inva|id.name"
            })
    void refusesTheFileNamesTheServersRefuse(String name) {
        assertTrue(NamingRules.checkFileName(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.0.3-te st", "1.0-SNAPSHOT", "2026.11.25+build.7", "v1 (beta)", "版本1"})
    void acceptsVersionsWithoutSurroundingWhitespace(String version) {
        assertEquals(Optional.empty(), NamingRules.checkVersion(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " test", "test ", " test ", "1.0\t", "1.0/2", ".", "..", "1\u00000"})
    void refusesVersionsThatTheServersOrTheWayThereBreak(String version) {
        assertTrue(NamingRules.checkVersion(version).isPresent(), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a/b", "..", "ä"})
    void refusesOwnersThatCannotBeAUserOrOrganisation(String owner) {
        assertTrue(NamingRules.checkOwner(owner).isPresent(), owner);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "user2", "my-org.name_x"})
    void acceptsOwnerNames(String owner) {
        assertEquals(Optional.empty(), NamingRules.checkOwner(owner));
    }

    @Test
    void aMissingOwnerSaysWhereToSetItWithAnExample() {
        assertEquals(
                "No owner: set <owner> in the plugin's <configuration> (e.g. <owner>acme</owner>) or"
                        + " -Dforge.owner=acme: the user or organisation that owns the packages, as in"
                        + " https://codeberg.org/acme.",
                NamingRules.missingOwner("the packages"));
    }
}
