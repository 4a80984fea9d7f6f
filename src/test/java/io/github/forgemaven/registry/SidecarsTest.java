package io.github.forgemaven.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.testing.RecordedRequest;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksum files of {@code sidecars}: their kinds, their content, and that they publish like any file. */
class SidecarsTest {

    private static final ClientSettings SETTINGS =
            new ClientSettings("forge-maven-plugin/test", Duration.ofSeconds(5), Duration.ofSeconds(20));
    private static final Credentials WRITER =
            Credentials.basic("deployer", StandardFixture.WRITE_TOKEN, "<server> 'forge' in settings.xml");

    @TempDir
    Path dir;

    private RegistryEmulator registry;
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void kindsAreACommaSeparatedListInAnyCase() throws Exception {
        assertEquals(List.of(), Sidecars.parse(null));
        assertEquals(List.of(), Sidecars.parse(" "));
        assertEquals(List.of(Sidecars.Kind.SHA256), Sidecars.parse("sha256"));
        assertEquals(
                List.of(Sidecars.Kind.SHA512, Sidecars.Kind.SHA256, Sidecars.Kind.MD5),
                Sidecars.parse(" SHA512, sha256,,md5,sha256 "));
    }

    @Test
    void anUnknownKindNamesTheParameterAndTheAcceptedOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Sidecars.parse("sha256,sha3,crc32"));
        assertEquals(
                "<sidecars> (forge.sidecars) 'sha256,sha3,crc32' names unknown checksum kinds (sha3, crc32): use"
                        + " sha256, sha512, sha1, md5, separated by commas, or leave it empty for no checksum files.",
                e.getMessage());
        assertEquals(
                "<sidecars> (forge.sidecars) 'sha-256' names an unknown checksum kind (sha-256): use sha256, sha512,"
                        + " sha1, md5, separated by commas, or leave it empty for no checksum files.",
                assertThrows(InvalidInputException.class, () -> Sidecars.parse("sha-256"))
                        .getMessage());
    }

    @Test
    void eachFileIsFollowedByItsChecksumFilesInTheFormatTheSumCommandsRead() throws Exception {
        UploadFile jar = file("app-1.0.jar", "jar bytes");
        UploadFile signature = file("app-1.0.jar.asc", "-----BEGIN PGP SIGNATURE-----");
        UploadFile zip = file("app-1.0.zip", "");

        List<UploadFile> all = Sidecars.addTo(
                List.of(jar, signature, zip),
                List.of(Sidecars.Kind.SHA256, Sidecars.Kind.SHA512, Sidecars.Kind.SHA1, Sidecars.Kind.MD5),
                dir.resolve("sidecars"));

        assertEquals(
                List.of(
                        "app-1.0.jar",
                        "app-1.0.jar.sha256",
                        "app-1.0.jar.sha512",
                        "app-1.0.jar.sha1",
                        "app-1.0.jar.md5",
                        "app-1.0.jar.asc",
                        "app-1.0.zip",
                        "app-1.0.zip.sha256",
                        "app-1.0.zip.sha512",
                        "app-1.0.zip.sha1",
                        "app-1.0.zip.md5"),
                all.stream().map(UploadFile::fileName).toList());
        assertEquals(hex("SHA-256", "jar bytes") + "  app-1.0.jar\n", content(all.get(1)));
        assertEquals(hex("SHA-512", "jar bytes") + "  app-1.0.jar\n", content(all.get(2)));
        assertEquals(hex("SHA-1", "jar bytes") + "  app-1.0.jar\n", content(all.get(3)));
        assertEquals(hex("MD5", "jar bytes") + "  app-1.0.jar\n", content(all.get(4)));
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  app-1.0.zip\n", content(all.get(7)));
        assertEquals("sha256 of the attached app-1.0.jar", all.get(1).origin());
        assertEquals(dir.resolve("sidecars/app-1.0.jar.sha256"), all.get(1).path());
    }

    @Test
    void aRerunFindsTheChecksumFilesIdenticalAndSendsNoPut() throws Exception {
        registry = StandardFixture.start();
        List<UploadFile> files = List.of(file("app-1.0.jar", "jar bytes"), file("app-1.0.zip", "zip bytes"));

        publish(files);
        assertEquals(
                hex("SHA-256", "jar bytes") + "  app-1.0.jar\n",
                new String(
                        registry.file("acme", "app", "1.0", "app-1.0.jar.sha256")
                                .orElseThrow()
                                .bytes(),
                        StandardCharsets.UTF_8));
        assertEquals(4, registry.files("acme", "app", "1.0").size());
        registry.clearRequests();

        List<PublishedFile> again = publish(files);

        assertEquals(
                List.of(Outcome.IDENTICAL, Outcome.IDENTICAL, Outcome.IDENTICAL, Outcome.IDENTICAL),
                again.stream().map(PublishedFile::outcome).toList());
        assertEquals(
                List.of("GET"),
                registry.requests().stream().map(RecordedRequest::method).toList());
    }

    @Test
    void aDryRunListsTheChecksumFiles() throws Exception {
        registry = StandardFixture.start();
        PublicationPlan plan = plan(Sidecars.addTo(
                List.of(file("app-1.0.jar", "jar bytes")), List.of(Sidecars.Kind.SHA256), dir.resolve("sidecars")));

        Publisher.dryRun(plan, listener);

        String version = registry.baseUrl() + "/api/packages/acme/generic/app/1.0/";
        assertEquals(
                List.of(
                        "would upload app-1.0.jar to " + version + "app-1.0.jar",
                        "would upload app-1.0.jar.sha256 to " + version + "app-1.0.jar.sha256"),
                listener.starting("would"));
        assertEquals(List.of(), registry.requests());
    }

    private List<PublishedFile> publish(List<UploadFile> files) throws Exception {
        PublicationPlan plan = plan(Sidecars.addTo(files, List.of(Sidecars.Kind.SHA256), dir.resolve("sidecars")));
        try (RegistryClient client = new RegistryClient(SETTINGS)) {
            Publisher publisher = new Publisher(
                    client,
                    SETTINGS,
                    new Retrying(0, Duration.ZERO, Duration.ZERO, d -> {}, w -> {}),
                    new PublishOptions(true, true),
                    listener);
            return publisher.publish(List.of(new Publication(plan, WRITER, ExistingFilePolicy.FAIL)));
        }
    }

    private PublicationPlan plan(List<UploadFile> files) throws InvalidInputException {
        return PublicationPlan.of(new PublicationPlan.Settings(registry.baseUrl(), "acme", "app", "1.0"), files);
    }

    private UploadFile file(String name, String content) throws Exception {
        Path path = Files.writeString(dir.resolve(name), content);
        return new UploadFile(name, path, "attached " + name);
    }

    private static String content(UploadFile file) throws Exception {
        return Files.readString(file.path(), StandardCharsets.UTF_8);
    }

    private static String hex(String algorithm, String content) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance(algorithm).digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
