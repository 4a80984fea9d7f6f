package io.github.forgemaven.testing;

import io.github.forgemaven.testing.forge.StoredFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Checks for the invoker ITs' verify scripts: what the emulator stored, what it was sent, what the build logged. */
public final class ItAssertions {

    private ItAssertions() {}

    /** The emulator stored {@code local} under its own file name, with the same bytes and sha256. */
    public static void assertStored(RegistryEmulator registry, String owner, String name, String version, File local) {
        assertStoredAs(registry, owner, name, version, local.getName(), local);
    }

    /** The emulator stored {@code local} as {@code fileName}, with the same bytes and sha256. */
    public static void assertStoredAs(
            RegistryEmulator registry, String owner, String name, String version, String fileName, File local) {
        StoredFile stored = registry.file(owner, name, version, fileName)
                .orElseThrow(() -> new AssertionError(
                        "not stored: " + owner + "/" + name + "/" + version + "/" + fileName + "; stored there: "
                                + registry.files(owner, name, version).stream()
                                        .map(StoredFile::name)
                                        .toList()));
        byte[] expected = read(local);
        if (!Arrays.equals(expected, stored.bytes())) {
            throw new AssertionError(fileName + ": stored " + stored.bytes().length + " bytes differ from " + local
                    + " (" + expected.length + " bytes)");
        }
        String sha256 = sha256(expected);
        if (!sha256.equals(stored.sha256())) {
            throw new AssertionError(fileName + ": server sha256 " + stored.sha256() + " != local " + sha256);
        }
    }

    /** The version holds exactly {@code count} files. */
    public static void assertFileCount(
            RegistryEmulator registry, String owner, String name, String version, int count) {
        List<StoredFile> files = registry.files(owner, name, version);
        if (files.size() != count) {
            throw new AssertionError("expected " + count + " files in " + owner + "/" + name + "/" + version
                    + ", found " + files.stream().map(StoredFile::name).toList());
        }
    }

    /** No request at all reached the emulator. */
    public static void assertNoRequests(RegistryEmulator registry) {
        if (!registry.requests().isEmpty()) {
            throw new AssertionError("expected no request, got " + registry.requests());
        }
    }

    /** The PUT requests the emulator received, in order. */
    public static List<RecordedRequest> puts(RegistryEmulator registry) {
        return registry.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .toList();
    }

    /** {@code build.log} in {@code basedir} contains every fragment. */
    public static void assertLogContains(File basedir, String... fragments) {
        String log = buildLog(basedir);
        for (String fragment : fragments) {
            if (!log.contains(fragment)) {
                throw new AssertionError("build.log lacks: " + fragment);
            }
        }
    }

    /**
     * {@code build.log} in {@code basedir} contains neither the secret, nor {@code username:secret}
     * in Base64 (the Basic header), nor the secret's own Base64 form.
     */
    public static void assertNoSecretIn(File basedir, String username, String secret) {
        String log = buildLog(basedir);
        Base64.Encoder base64 = Base64.getEncoder();
        for (String leak : List.of(
                secret,
                base64.encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
            if (log.contains(leak)) {
                throw new AssertionError("build.log shows a secret (" + leak.length() + " characters)");
            }
        }
    }

    /** The lowercase hex sha256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String buildLog(File basedir) {
        return new String(read(new File(basedir, "build.log")), StandardCharsets.UTF_8);
    }

    private static byte[] read(File file) {
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
