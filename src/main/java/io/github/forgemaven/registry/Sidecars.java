package io.github.forgemaven.registry;

import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.Parameter;
import io.github.forgemaven.registry.plan.Signatures;
import io.github.forgemaven.registry.plan.UploadFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checksum files to upload beside the files of a version: {@code app.jar.sha256} holding
 * {@code <hex>  app.jar} and a newline, the line {@code sha256sum -c} (and {@code sha512sum}, {@code sha1sum},
 * {@code md5sum}) reads. They join the plan as files of their own, so that they are checked, compared with
 * what the version holds, kept on a re-run and rolled back like any other.
 */
public final class Sidecars {

    /** A kind of checksum, named as the user writes it and as the sidecar's extension. */
    public enum Kind {
        SHA256("SHA-256"),
        SHA512("SHA-512"),
        SHA1("SHA-1"),
        MD5("MD5");

        private final String algorithm;

        Kind(String algorithm) {
            this.algorithm = algorithm;
        }

        /** {@code sha256}: the value of {@code sidecars} and the extension of the file. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has " + algorithm, e);
            }
        }
    }

    private static final int BUFFER_SIZE = 256 * 1024;

    private Sidecars() {}

    /**
     * The kinds in a comma-separated value such as {@code sha256,sha512}; none for an empty one.
     *
     * @throws InvalidInputException naming the parameter, the unknown kinds and the accepted ones
     */
    public static List<Kind> parse(String value) throws InvalidInputException {
        Set<Kind> kinds = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : value == null ? new String[0] : value.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Arrays.stream(Kind.values())
                    .filter(k -> k.extension().equals(name))
                    .findFirst()
                    .ifPresentOrElse(kinds::add, () -> unknown.add(part.strip()));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(List.of(Parameter.SIDECARS + " '" + value + "' names "
                    + (unknown.size() == 1 ? "an unknown checksum kind" : "unknown checksum kinds") + " ("
                    + String.join(", ", unknown) + "): use " + accepted() + ", separated by commas, or leave it"
                    + " empty for no checksum files."));
        }
        return List.copyOf(kinds);
    }

    /**
     * The files, each followed by its checksum files, which are written into {@code directory}. Each file is
     * read once, for all kinds at once. Signatures get none: they change with every signing, and gpg checks them.
     *
     * @param files files of one version, as a checked plan holds them
     * @throws IOException when a file cannot be read or a checksum file cannot be written
     */
    public static List<UploadFile> addTo(List<UploadFile> files, List<Kind> kinds, Path directory) throws IOException {
        if (kinds.isEmpty()) {
            return files;
        }
        Files.createDirectories(directory);
        List<UploadFile> all = new ArrayList<>();
        for (UploadFile file : files) {
            all.add(file);
            if (Signatures.signedFileName(file.fileName()).isPresent()) {
                continue;
            }
            List<String> sums = digest(file.path(), kinds);
            for (int i = 0; i < kinds.size(); i++) {
                Kind kind = kinds.get(i);
                String name = file.fileName() + "." + kind.extension();
                Path sidecar = directory.resolve(name);
                Files.writeString(sidecar, sums.get(i) + "  " + file.fileName() + "\n", StandardCharsets.UTF_8);
                all.add(new UploadFile(name, sidecar, kind.extension() + " of the " + file.origin()));
            }
        }
        return all;
    }

    private static List<String> digest(Path file, List<Kind> kinds) throws IOException {
        List<MessageDigest> digests = kinds.stream().map(Kind::newDigest).toList();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (MessageDigest digest : digests) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return digests.stream().map(d -> HexFormat.of().formatHex(d.digest())).toList();
    }

    private static String accepted() {
        return Arrays.stream(Kind.values()).map(Kind::extension).collect(Collectors.joining(", "));
    }
}
