package io.github.forgemaven.registry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryUrlTest {

    @ParameterizedTest
    @CsvSource({
        "https://codeberg.org, https://codeberg.org",
        "https://codeberg.org/, https://codeberg.org",
        "HTTPS://git.example.com:8443/gitea/, https://git.example.com:8443/gitea",
        "http://127.0.0.1:3000//, http://127.0.0.1:3000",
        "' https://codeberg.org ', https://codeberg.org"
    })
    void keepsTheSubPathAndDropsTrailingSlashes(String given, String expected) {
        assertEquals(expected, RegistryUrl.parse(given).base().toString());
    }

    @Test
    void buildsTheGenericPackageFileUrl() {
        RegistryUrl url = RegistryUrl.parse("https://git.example.com/gitea/");
        assertEquals(
                "https://git.example.com/gitea/api/packages/acme/generic/app/1.0/app-1.0.jar",
                url.packageFile("acme", "app", "1.0", "app-1.0.jar").toString());
    }

    @Test
    void encodesEverySegmentSoThatSpacesPlusAndPercentArriveAsThemselves() {
        RegistryUrl url = RegistryUrl.parse("http://localhost:3000");
        assertEquals(
                "/api/packages/user2/generic/te-st_pac.kage/1.0.3-te%20st/a%2Bb%25c%23%3F%5B%5D%20%26.bin",
                url.packageFile("user2", "te-st_pac.kage", "1.0.3-te st", "a+b%c#?[] &.bin")
                        .getRawPath());
        assertEquals("1.0%2F2", RegistryUrl.segment("1.0/2"));
        assertEquals("%E7%89%88", RegistryUrl.segment("版"));
        assertEquals("a-b.c_d~e", RegistryUrl.segment("a-b.c_d~e"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "codeberg.org",
                "ftp://codeberg.org",
                "https://user:token@codeberg.org",
                "https://codeberg.org?x=1",
                "https://codeberg.org#top",
                "https://codeberg.org/api/v1",
                "https://codeberg.org/api/v1/packages/acme",
                "https://codeberg.org/api/packages/acme/generic",
                "https://git.example.com/gitea/api/",
                "https://exa mple.com"
            })
    void refusesUrlsThatCannotBeTheServersBase(String url) {
        assertTrue(RegistryUrl.problemWith(url).isPresent(), url);
        assertThrows(IllegalArgumentException.class, () -> RegistryUrl.parse(url));
    }

    @Test
    void theApiProblemExplainsWhichPartToDrop() {
        String problem =
                RegistryUrl.problemWith("https://codeberg.org/api/v1/packages").orElseThrow();
        assertTrue(problem.contains("without '/api/v1/packages'"), problem);
        assertTrue(problem.contains("not /api/v1/packages"), problem);
    }

    @Test
    void refusesCredentialsInTheUrlWithoutRepeatingThem() {
        String problem =
                RegistryUrl.problemWith("https://bob:s3cr3t@codeberg.org").orElseThrow();
        assertTrue(problem.contains("settings.xml"), problem);
        assertTrue(!problem.contains("s3cr3t"), problem);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:3000",
                "http://127.1.2.3",
                "http://localhost:3000/gitea",
                "http://LOCALHOST",
                "http://forge.localhost",
                "http://[::1]:3000",
                "https://git.example.com"
            })
    void loopbackOrHttpsKeepsTheTokenOffTheWire(String url) {
        assertTrue(RegistryUrl.parse(url).cleartextProblem().isEmpty(), url);
        assertTrue(RegistryUrl.parse(url).insecureWarning().isEmpty(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://git.example.com", "http://10.0.0.5:3000", "http://localhost.example.com"})
    void plainHttpToAnotherHostIsACleartextProblemNamingTheFix(String url) {
        String problem = RegistryUrl.parse(url).cleartextProblem().orElseThrow();
        assertTrue(problem.contains("would send your token in clear text"), problem);
        assertTrue(problem.contains("<allowInsecureHttp>true</allowInsecureHttp> (forge.allowInsecureHttp)"), problem);
        String warning = RegistryUrl.parse(url).insecureWarning().orElseThrow();
        assertTrue(
                warning.startsWith("<allowInsecureHttp> (forge.allowInsecureHttp) is true and <url> (forge.url) '" + url
                        + "' is plain http://: the credentials go to"),
                warning);
    }

    @Test
    void allowInsecureHttpLetsAPlanUsePlainHttp() throws Exception {
        Path file = Files.createTempFile("forge", ".jar");
        try {
            UploadFile upload = new UploadFile("app-1.0.jar", file, "main jar");
            var refused = assertThrows(
                    InvalidInputException.class,
                    () -> PublicationPlan.of(
                            new PublicationPlan.Settings("http://git.example.com", "acme", "app", "1.0", false),
                            List.of(upload)));
            assertTrue(refused.getMessage().contains("clear text"), refused.getMessage());
            PublicationPlan allowed = PublicationPlan.of(
                    new PublicationPlan.Settings("http://git.example.com", "acme", "app", "1.0", true),
                    List.of(upload));
            assertEquals("http://git.example.com", allowed.target().registry().toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
