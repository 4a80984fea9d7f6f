package io.github.forgemaven.testing;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.testing.forge.Flavour;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * What the tests of the client and of the publishing run over real HTTP share: the client settings
 * and the write credentials of the {@link StandardFixture}, and, for a subclass, a fresh emulator per
 * test of the flavour it runs against (the subclass declares {@code @ParameterizedClass
 * @EnumSource(Flavour.class)} to run against Forgejo and Gitea) and a temporary folder for its files.
 */
public abstract class AgainstEmulator {

    /** The client settings of these tests: a test User-Agent, 5 s to connect, 20 s without a response. */
    public static final ClientSettings SETTINGS =
            new ClientSettings("forge-maven-plugin/test", Duration.ofSeconds(5), Duration.ofSeconds(20));

    /** The fixture's account with a token that may write packages, as a settings.xml {@code <server>} gives it. */
    public static final Credentials WRITER =
            Credentials.basic("deployer", StandardFixture.WRITE_TOKEN, "<server> 'forge' in settings.xml");

    /** The server the emulator behaves as, filled by the subclass's {@code @ParameterizedClass}. */
    @Parameter
    protected Flavour flavour;

    /** A folder for the test's local files. */
    @TempDir
    protected Path dir;

    /** The emulator, started before each test and closed after it. */
    @StandardEmulator
    protected RegistryEmulator registry;
}
