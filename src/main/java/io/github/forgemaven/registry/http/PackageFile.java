package io.github.forgemaven.registry.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a version's files listing ({@code GET /api/v1/packages/{owner}/generic/{name}/{version}/files}),
 * the servers' {@code PackageFile}: of its fields ({@code id}, {@code size}, {@code name}, {@code md5},
 * {@code sha1}, {@code sha256}, {@code sha512}, the same from Gitea 1.17 to today) the run needs three.
 *
 * @param name the stored file name
 * @param size the number of bytes
 * @param sha256 the lowercase hex SHA-256
 */
record PackageFile(String name, long size, String sha256) {

    /**
     * Decodes a listing, checking the type of every value it uses; other fields are ignored.
     *
     * @throws IllegalArgumentException saying what is not a listing, e.g. {@code entry 2 has no text "sha256"}
     */
    static List<PackageFile> listOf(String json) {
        if (!(JsonReader.parse(json) instanceof List<?> entries)) {
            throw new IllegalArgumentException("not a JSON array");
        }
        List<PackageFile> files = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("entry " + (i + 1) + " is not an object");
            }
            files.add(new PackageFile(text(entry, "name", i), size(entry, i), text(entry, "sha256", i)));
        }
        return files;
    }

    /** What the run compares a local file with. */
    Fingerprint fingerprint() {
        return new Fingerprint(size, sha256);
    }

    private static String text(Map<?, ?> entry, String field, int index) {
        if (entry.get(field) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("entry " + (index + 1) + " has no text \"" + field + "\"");
    }

    private static long size(Map<?, ?> entry, int index) {
        if (entry.get("size") instanceof Long size && size >= 0) {
            return size;
        }
        throw new IllegalArgumentException("entry " + (index + 1) + " has no whole, non-negative \"size\"");
    }
}
