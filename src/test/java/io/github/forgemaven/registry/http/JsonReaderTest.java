package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /** Listings and version answers as Forgejo and Gitea write them, fields in varying order. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[{\"id\":12,\"size\":1048576,\"name\":\"app-1.0.jar\",\"md5\":\"9e107d9d372bb6826bd81d3542a419d6\","
                        + "\"sha1\":\"2fd4e1c67a2d28fced849ee1bb76e7391b93eb12\",\"sha256\":\"d7a8fbb307d7809469ca9abcb0082e4f\","
                        + "\"sha512\":\"07e547d9586f6a73f73fbac0435ed76951218fb7d0c8d788a309d785436bbb64\"}]",
                "[{\"sha256\":\"e3b0\",\"name\":\"notes \\u0026 \\u003cb\\u003e.txt\",\"size\":0,\"id\":1},"
                        + "{\"name\":\"caf\\u00e9-\\ud83d\\ude00.bin\",\"id\":2,\"size\":9007199254740993}]",
                "{\"id\":3,\"owner\":{\"id\":1,\"login\":\"acme\",\"full_name\":\"\",\"avatar_url\":null},"
                        + "\"repository\":null,\"creator\":{\"login\":\"deployer\",\"is_admin\":false},"
                        + "\"type\":\"generic\",\"name\":\"app\",\"version\":\"1.0\",\"created_at\":\"2026-11-30T10:00:00Z\"}",
                "{\"version\":\"14.0.2+gitea-1.22.0\"}",
                "{\"errors\":[\"user does not exist [uid: 0, name: no-such-org]\"],\"message\":\"GetUserByName\","
                        + "\"url\":\"https://git.example.com/api/swagger\"}",
                "[ ]",
                "{\"ratio\":-0.25,\"big\":1.5E+3,\"tab\":\"a\\tb\\n\\\"q\\\"\\/\",\"nested\":[[],[{}],[1,[2,[3]]]]}"
            })
    void readsWhatAnIndependentParserReads(String json) throws Exception {
        assertEquals(plain(new ObjectMapper().readTree(json)), JsonReader.parse(json));
    }

    /** Jackson's tree as the Java values JsonReader gives: Map, List, String, Long, Double, Boolean, null. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.textValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[", "{\"a\"}", "{\"a\":1,}", "[1 2]", "\"abc", "tru", "{a:1}", "[1] x", "\"\\x\""})
    void refusesInvalidJson(String json) {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(json));
    }
}
