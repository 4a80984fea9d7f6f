package io.github.forgemaven.testing;

import io.github.forgemaven.testing.forge.StoredFile;
import io.github.forgemaven.testing.forge.release.Release;
import io.github.forgemaven.testing.forge.release.ReleaseAsset;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks for the invoker ITs' verify scripts: what the server stored (the emulator, or a real server in
 * conformance mode, see {@link ServerUnderTest}), what the emulator was sent, what the build logged.
 */
public final class ItAssertions {

    /** How each of {@link #secretForms}, in its order, holds the secret, for messages. */
    private static final List<String> SECRET_FORMS = List.of(
            "as it is",
            "in Base64 as user:secret (HTTP Basic)",
            "in Base64 as secret: (HTTP Basic, a token as user name)",
            "in Base64 as :secret",
            "in Base64");

    private ItAssertions() {}

    /** The emulator stored {@code local} under its own file name, with the same bytes and sha256. */
    public static void assertStored(ServerUnderTest registry, String owner, String name, String version, File local) {
        assertStoredAs(registry, owner, name, version, local.getName(), local);
    }

    /** The emulator stored {@code local} as {@code fileName}, with the same bytes and sha256. */
    public static void assertStoredAs(
            ServerUnderTest registry, String owner, String name, String version, String fileName, File local) {
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
    public static void assertFileCount(ServerUnderTest registry, String owner, String name, String version, int count) {
        List<StoredFile> files = registry.files(owner, name, version);
        if (files.size() != count) {
            throw new AssertionError("expected " + count + " files in " + owner + "/" + name + "/" + version
                    + ", found " + files.stream().map(StoredFile::name).toList());
        }
    }

    /**
     * The version holds exactly these files (in any order): what is stored shows what was sent, on a real
     * server too.
     */
    public static void assertFileNames(
            ServerUnderTest registry, String owner, String name, String version, String... fileNames) {
        List<String> stored = registry.files(owner, name, version).stream()
                .map(StoredFile::name)
                .sorted()
                .toList();
        List<String> expected = Arrays.stream(fileNames).sorted().toList();
        if (!stored.equals(expected)) {
            throw new AssertionError("expected the files " + expected + " in " + owner + "/" + name + "/" + version
                    + ", found " + stored);
        }
    }

    /**
     * None of these packages has the version: the server neither answers for it nor lists a file of it (so a
     * build that must not publish, or a module that must not, left nothing behind).
     */
    public static void assertNoVersion(ServerUnderTest registry, String owner, String version, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("no package named");
        }
        for (String name : names) {
            List<String> files = registry.files(owner, name, version).stream()
                    .map(StoredFile::name)
                    .toList();
            if (registry.versionExists(owner, name, version) || !files.isEmpty()) {
                throw new AssertionError("expected no version " + owner + "/" + name + "/" + version
                        + ", found one with files " + files);
            }
        }
    }

    /** The repository has neither a release (drafts included) nor a git tag of this name. */
    public static void assertNoRelease(ServerUnderTest registry, String owner, String repository, String tag) {
        Optional<Release> release = registry.release(owner, repository, tag);
        if (release.isPresent()) {
            throw new AssertionError("expected no release " + tag + " in " + owner + "/" + repository + ", found "
                    + (release.get().draft() ? "a draft" : "a published one") + " with the assets "
                    + release.get().assetNames());
        }
        if (registry.tagExists(owner, repository, tag)) {
            throw new AssertionError("expected no tag " + tag + " in " + owner + "/" + repository + ", found one");
        }
    }

    /** The release of the tag exists (not a tag-only row); returns it. */
    public static Release assertRelease(ServerUnderTest registry, String owner, String repository, String tag) {
        return registry.release(owner, repository, tag)
                .orElseThrow(() -> new AssertionError("no release " + tag + " in " + owner + "/" + repository
                        + "; rows there: "
                        + registry.releaseRows(owner, repository).stream()
                                .map(r -> r.tag() + (r.tagOnly() ? " (tag only)" : r.draft() ? " (draft)" : ""))
                                .toList()));
    }

    /** The release of the tag is a draft ({@code true}) or published ({@code false}). */
    public static void assertReleaseDraft(
            ServerUnderTest registry, String owner, String repository, String tag, boolean draft) {
        Release release = assertRelease(registry, owner, repository, tag);
        if (release.draft() != draft) {
            throw new AssertionError("release " + tag + " is " + (release.draft() ? "a draft" : "published"));
        }
    }

    /** The release of the tag has exactly one asset named after {@code local}, with its bytes and sha256. */
    public static void assertReleaseAsset(
            ServerUnderTest registry, String owner, String repository, String tag, File local) {
        assertReleaseAssetAs(registry, owner, repository, tag, local.getName(), local);
    }

    /** The release of the tag has exactly one asset of this name, with the bytes and sha256 of {@code local}. */
    public static void assertReleaseAssetAs(
            ServerUnderTest registry, String owner, String repository, String tag, String assetName, File local) {
        Release release = assertRelease(registry, owner, repository, tag);
        List<ReleaseAsset> named = release.assetsNamed(assetName);
        if (named.size() != 1) {
            throw new AssertionError("expected one asset " + assetName + " in release " + tag + ", found "
                    + named.size() + "; assets: " + release.assetNames());
        }
        byte[] expected = read(local);
        byte[] stored = named.get(0).bytes();
        if (!Arrays.equals(expected, stored)) {
            throw new AssertionError(assetName + ": stored " + stored.length + " bytes differ from " + local + " ("
                    + expected.length + " bytes)");
        }
        if (!sha256(expected).equals(named.get(0).sha256())) {
            throw new AssertionError(
                    assetName + ": stored sha256 " + named.get(0).sha256() + " != local " + sha256(expected));
        }
    }

    /** The release of the tag has exactly {@code count} assets. */
    public static void assertReleaseAssetCount(
            ServerUnderTest registry, String owner, String repository, String tag, int count) {
        Release release = assertRelease(registry, owner, repository, tag);
        if (release.assets().size() != count) {
            throw new AssertionError(
                    "expected " + count + " assets in release " + tag + ", found " + release.assetNames());
        }
    }

    /** The release asset uploads ({@code POST .../releases/{id}/assets}) the emulator received, in order. */
    public static List<RecordedRequest> assetUploads(RegistryEmulator registry) {
        return registry.requests().stream()
                .filter(r -> r.method().equals("POST")
                        && r.rawTarget().split("\\?")[0].matches("/api/v1/repos/[^/]+/[^/]+/releases/[^/]+/assets/?"))
                .toList();
    }

    /** The requests of this method (e.g. {@code POST}) whose path starts with {@code prefix}, in order. */
    public static List<RecordedRequest> requests(RegistryEmulator registry, String method, String prefix) {
        return registry.requests().stream()
                .filter(r -> r.method().equals(method) && r.rawTarget().startsWith(prefix))
                .toList();
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

    /**
     * A failure's hint names the server as it reports itself ({@code Server: Forgejo <version>.}, on the emulator
     * Forgejo 14.0.2+gitea-1.22.0): checked against the server's own {@code /api/forgejo/v1/version}; a Gitea
     * has none to compare the line with, which conformance mode says.
     */
    public static void assertLogNamesTheServer(Map<String, Object> context, File basedir, ServerUnderTest server) {
        server.forgejoVersion()
                .ifPresentOrElse(
                        version -> assertLogContains(basedir, "Server: Forgejo " + version + "."),
                        () -> It.notChecked(context, "the server version named (a Gitea: nothing to compare it with)"));
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
     * {@code build.log} in {@code basedir} contains none of the fragments. Fails naming the fragment and the line,
     * never pasting the log (which a Groovy {@code assert !log.contains(...)} does, secrets and all).
     */
    public static void assertLogLacks(File basedir, String... fragments) {
        String log = buildLog(basedir);
        for (String fragment : fragments) {
            int at = log.indexOf(fragment);
            if (at >= 0) {
                throw new AssertionError("build.log line " + lineOf(log, at) + " shows what it must not: " + fragment
                        + " (see " + new File(basedir, "build.log") + ")");
            }
        }
    }

    /**
     * {@code build.log} in {@code basedir} has a match of {@code regex} ({@code ^} and {@code $} match at each
     * line), as Groovy's {@code log =~ regex} finds one; fails without pasting the log, which a Groovy assert over a
     * variable holding it does even with a message ("Values: log = ...").
     */
    public static void assertLogHasLine(File basedir, String regex) {
        if (!Pattern.compile(regex, Pattern.MULTILINE)
                .matcher(buildLog(basedir))
                .find()) {
            throw new AssertionError("build.log has no line matching " + regex);
        }
    }

    /** {@code build.log} in {@code basedir} has no match of {@code regex}; fails naming the line, not pasting the log. */
    public static void assertLogHasNoLine(File basedir, String regex) {
        String log = buildLog(basedir);
        Matcher found = Pattern.compile(regex, Pattern.MULTILINE).matcher(log);
        if (found.find()) {
            throw new AssertionError("build.log line " + lineOf(log, found.start()) + " matches " + regex + " (see "
                    + new File(basedir, "build.log") + ")");
        }
    }

    /**
     * The HTTPS ITs' outcome: the first build failed the TLS handshake with the emulator (on
     * {@code localhost}) with {@code hint}, and only the second, given what the hint says, got through:
     * one PUT, the jar's bytes stored, the upload's line in the log, and no secret in it.
     */
    public static void assertOnlyTheSecondBuildGotThroughTls(File basedir, RegistryEmulator registry, String hint) {
        String url = registry.baseUrl();
        if (!url.startsWith("https://localhost:")) {
            throw new AssertionError("the emulator is not on https://localhost: " + url);
        }
        assertStored(registry, "acme", "app", "1.0", new File(basedir, "target/app-1.0.jar"));
        if (puts(registry).size() != 1) {
            throw new AssertionError("one PUT, by the second build: " + puts(registry));
        }
        assertLogContains(
                basedir,
                "The TLS handshake with localhost:" + registry.port() + " failed (",
                hint,
                "Uploaded app-1.0.jar (",
                ") to " + url + "/api/packages/acme/generic/app/1.0/app-1.0.jar");
        assertNoSecretIn(basedir, registry, "deployer", StandardFixture.WRITE_TOKEN);
    }

    /**
     * {@code build.log} in {@code basedir} shows the secret in none of the forms a client sends it: as is
     * (a token header), in Base64 as {@code username:secret} (HTTP Basic), {@code secret:} (a token-only
     * {@code <server>}: the token as user name, no password) and {@code :secret}, or alone.
     */
    public static void assertNoSecretIn(File basedir, String username, String secret) {
        assertNoSecretIn(basedir, username, secret, "a secret");
    }

    /**
     * Like {@link #assertNoSecretIn(File, String, String)}; the failure names the secret as {@code what} (e.g.
     * {@code "the run's conformance.token"}), the form and the line: where it shows, never what.
     */
    public static void assertNoSecretIn(File basedir, String username, String secret, String what) {
        String log = buildLog(basedir);
        List<String> forms = secretForms(username, secret);
        for (int i = 0; i < forms.size(); i++) {
            int at = log.indexOf(forms.get(i));
            if (at >= 0) {
                throw new AssertionError("build.log line " + lineOf(log, at) + " shows " + what + " "
                        + SECRET_FORMS.get(i) + " (" + new File(basedir, "build.log") + ")");
            }
        }
    }

    /**
     * Like {@link #assertNoSecretIn(File, String, String)}, and also every credential the emulator was
     * actually sent: each {@code Authorization} and {@code Proxy-Authorization} value, its part after the
     * scheme and, for Basic, the decoded password and user, so that a form not foreseen above is caught too.
     */
    public static void assertNoSecretIn(File basedir, RegistryEmulator registry, String username, String secret) {
        assertNoSecretIn(basedir, username, secret);
        String log = buildLog(basedir);
        for (RecordedRequest request : registry.requests()) {
            for (String header : List.of("Authorization", "Proxy-Authorization")) {
                for (String leak : sentForms(request.header(header))) {
                    int at = log.indexOf(leak);
                    if (at >= 0) {
                        throw new AssertionError("build.log line " + lineOf(log, at) + " shows the " + header
                                + " credential that " + request.method() + " " + request.rawTarget() + " sent ("
                                + leak.length() + " characters)");
                    }
                }
            }
        }
    }

    /**
     * No secret of the {@code <server>} {@code serverId} shows in {@code build.log}: on the emulator with
     * every credential it was sent (see above); against a real server, where nothing records what was sent,
     * no secret of the conformance run shows either, whichever {@code <server>} the case used.
     */
    public static void assertNoSecretOf(File basedir, ServerUnderTest server, String serverId) {
        if (server.emulator().isPresent()) {
            assertNoSecretIn(basedir, server.emulator().get(), server.username(), server.secret(serverId));
            return;
        }
        for (String id : List.of(serverId, "forge", "forge-release", "forge-read-only", "forge-package-only")) {
            String secret = server.secret(id);
            if (secret != null && !secret.isEmpty()) {
                assertNoSecretIn(basedir, server.username(), secret, "the secret of <server> '" + id + "'");
            }
        }
    }

    /** The forms in which a secret could show in a log: itself and the Basic encodings that hold it. */
    public static List<String> secretForms(String username, String secret) {
        Base64.Encoder base64 = Base64.getEncoder();
        List<String> forms = new ArrayList<>();
        forms.add(secret);
        for (String plain : List.of(username + ":" + secret, secret + ":", ":" + secret, secret)) {
            forms.add(base64.encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        }
        return forms;
    }

    private static List<String> sentForms(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> forms = new ArrayList<>(List.of(value.strip()));
        int space = value.strip().indexOf(' ');
        if (space > 0) {
            String credential = value.strip().substring(space + 1).strip();
            forms.add(credential);
            if (value.strip().regionMatches(true, 0, "Basic", 0, 5)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    for (String part : colon < 0
                            ? List.of(decoded)
                            : List.of(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                        // a user name such as 'deployer' is no secret; a token used as user name is
                        if (part.length() >= 16) {
                            forms.add(part);
                        }
                    }
                } catch (IllegalArgumentException notBase64) {
                    // sent as it is; the whole value is checked above
                }
            }
        }
        return forms;
    }

    /** The lowercase hex sha256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The lines of build.log that the plugin's executions printed: from each {@code --- forge...} header
     * (Maven 3.9 and 4 name the prefix, 3.6.3 the artifactId) to the next execution's header.
     */
    public static String pluginSection(File basedir) {
        StringBuilder section = new StringBuilder();
        boolean inside = false;
        for (String line : buildLog(basedir).split("\\R")) {
            if (line.contains("--- ")) {
                inside = line.contains("--- forge:") || line.contains("--- forge-maven-plugin:");
            }
            if (inside) {
                section.append(line).append('\n');
            }
        }
        return section.toString();
    }

    /** The 1-based number of the line that holds the character at {@code index}. */
    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
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
