package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void readsAFilesListingAsTheServersWriteIt() {
        // Go's encoder escapes & < > as \u0026 \u003c \u003e.
        String json =
                "[{\"id\":7,\"size\":3,\"name\":\"a \\u0026 b.bin\",\"md5\":\"x\",\"sha256\":\"039058c6f2c0cb49\"},"
                        + " {\"id\":8,\"size\":0,\"name\":\"e\\\"m\\\\pty\",\"sha256\":\"e3b0\",\"repository\":null,\"ok\":true}]";
        List<?> files = (List<?>) JsonReader.parse(json);
        assertEquals(2, files.size());
        Map<?, ?> first = (Map<?, ?>) files.get(0);
        assertEquals("a & b.bin", first.get("name"));
        assertEquals(3L, first.get("size"));
        assertEquals("039058c6f2c0cb49", first.get("sha256"));
        Map<?, ?> second = (Map<?, ?>) files.get(1);
        assertEquals("e\"m\\pty", second.get("name"));
        assertEquals(Arrays.asList(null, true), Arrays.asList(second.get("repository"), second.get("ok")));
    }

    @Test
    void readsNumbersNestedObjectsAndEmptyContainers() {
        assertEquals(
                Map.of("version", "14.0.2+gitea-1.22.0"), JsonReader.parse(" {\"version\":\"14.0.2+gitea-1.22.0\"}\n"));
        assertEquals(List.of(), JsonReader.parse("[]"));
        assertEquals(Map.of(), JsonReader.parse("{}"));
        assertEquals(-1.5e3, JsonReader.parse("-1.5e3"));
        assertEquals(Map.of("a", List.of(Map.of("b", 1L))), JsonReader.parse("{\"a\":[{\"b\":1}]}"));
        assertEquals("\u00e9\t", JsonReader.parse("\"\\u00e9\\t\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[", "{\"a\"}", "{\"a\":1,}", "[1 2]", "\"abc", "tru", "{a:1}", "[1] x", "\"\\x\""})
    void refusesInvalidJson(String json) {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(json));
    }
}
