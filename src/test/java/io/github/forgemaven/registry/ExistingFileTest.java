package io.github.forgemaven.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one rule for a name the version already holds, used before the uploads and after a 409. */
class ExistingFileTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER_SHA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final Fingerprint LOCAL = new Fingerprint(4, SHA);

    @ParameterizedTest
    @EnumSource(ExistingFilePolicy.class)
    void theSameContentIsIdenticalWhateverThePolicy(ExistingFilePolicy policy) {
        assertEquals(ExistingFile.IDENTICAL, ExistingFile.decide(new Fingerprint(4, SHA), LOCAL, policy));
        // The servers report the hex digest in lower case, but a proxy or another server need not.
        assertEquals(
                ExistingFile.IDENTICAL,
                ExistingFile.decide(new Fingerprint(4, SHA.toUpperCase(java.util.Locale.ROOT)), LOCAL, policy));
    }

    @Test
    void otherContentFollowsThePolicy() {
        Fingerprint other = new Fingerprint(4, OTHER_SHA);
        assertEquals(ExistingFile.CONFLICT, ExistingFile.decide(other, LOCAL, ExistingFilePolicy.FAIL));
        assertEquals(ExistingFile.KEEP, ExistingFile.decide(other, LOCAL, ExistingFilePolicy.SKIP));
        assertEquals(ExistingFile.REPLACE, ExistingFile.decide(other, LOCAL, ExistingFilePolicy.REPLACE));
    }

    @Test
    void theSameDigestWithAnotherSizeIsOtherContent() {
        // Only a broken listing can report this; the run must not take the file for identical.
        assertEquals(
                ExistingFile.CONFLICT, ExistingFile.decide(new Fingerprint(5, SHA), LOCAL, ExistingFilePolicy.FAIL));
    }
}
