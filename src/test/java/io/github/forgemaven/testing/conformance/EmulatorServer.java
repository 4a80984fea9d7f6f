package io.github.forgemaven.testing.conformance;

import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.forge.Access;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The registry emulator as a separate process on loopback, set up like a real server a conformance run is
 * pointed at: a user with a {@code write:package}+{@code write:repository} token, a {@code read:package}
 * token and a {@code write:package} token without {@code write:repository}, an organisation it may publish to, a foreign owner it may not, and a repository with a commit on
 * {@code main}. Names and tokens differ from the {@link io.github.forgemaven.testing.StandardFixture}'s, so a
 * run that used the ITs' own settings.xml or fixture names instead of the {@code CONFORMANCE_*} values fails.
 *
 * <pre>
 * java ... EmulatorServer ENV_FILE [--flavour gitea] [--size-limit BYTES]
 * </pre>
 *
 * Writes {@code CONFORMANCE_URL=...} and the other values, tokens included, as shell assignments to
 * {@code ENV_FILE} (mode 600), prints {@code ready <URL>} and runs until killed. {@code --size-limit} and
 * {@code --flavour} start it with a deliberate difference, to watch a conformance run fail.
 */
public final class EmulatorServer {

    private EmulatorServer() {}

    /** Starts the emulator, writes the values to use, and blocks. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: EmulatorServer ENV_FILE [--flavour forgejo|gitea] [--size-limit BYTES]");
            System.exit(2);
        }
        Path envFile = Path.of(args[0]);
        RegistryEmulator.Builder builder = RegistryEmulator.builder();
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--flavour" -> builder.flavour(value.equals("gitea") ? Flavour.GITEA : Flavour.FORGEJO);
                case "--size-limit" -> builder.sizeLimit(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RegistryEmulator registry = builder.start();
        SecureRandom random = new SecureRandom();
        String user = "cf-user";
        registry.addUser(user, hex(random, 16));
        String token = registry.addFixedToken(user, hex(random, 20), "write:package", "write:repository");
        String readToken = registry.addFixedToken(user, hex(random, 20), "read:package");
        String packageToken = registry.addFixedToken(user, hex(random, 20), "write:package");
        String owner = "cf-org";
        registry.addOrganization(owner, Visibility.PUBLIC);
        registry.grant(owner, user, Access.WRITE);
        String foreign = "cf-foreign";
        registry.addOrganization(foreign, Visibility.PUBLIC);
        registry.grant(foreign, user, Access.READ);
        String repository = "cf-app";
        registry.addRepository(owner, repository).commit();

        Files.deleteIfExists(envFile);
        Files.createFile(envFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(
                envFile,
                List.of(
                        "CONFORMANCE_URL=" + registry.baseUrl(),
                        "CONFORMANCE_OWNER=" + owner,
                        "CONFORMANCE_USERNAME=" + user,
                        "CONFORMANCE_TOKEN=" + token,
                        "CONFORMANCE_READ_TOKEN=" + readToken,
                        "CONFORMANCE_PACKAGE_TOKEN=" + packageToken,
                        "CONFORMANCE_FOREIGN_OWNER=" + foreign,
                        "CONFORMANCE_REPOSITORY=" + repository),
                StandardCharsets.UTF_8);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        System.out.println("ready " + registry.baseUrl() + " (" + registry.flavour() + "; owner " + owner + ", user "
                + user + ", repository " + repository + "; the values to use, tokens included, are in " + envFile
                + ")");
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
