package io.github.forgemaven.registry.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Detached signatures ({@code .asc} from maven-gpg-plugin, {@code .sig}, {@code .sigstore.json}):
 * a signature belongs with the file it signs. It is uploaded with that file or not at all, and a
 * signature whose signed file is published unchanged is a fresh signature of published content.
 */
public final class Signatures {

    /** The suffixes of detached signatures, longest first. */
    public static final List<String> SUFFIXES = List.of(".sigstore.json", ".asc", ".sig");

    private Signatures() {}

    /** The extension of the signed file, e.g. {@code jar} for {@code jar.asc}; empty if not a signature. */
    public static Optional<String> signedExtension(String extension) {
        return stripSuffix(extension);
    }

    /** The name of the signed file, e.g. {@code app-1.0.jar} for {@code app-1.0.jar.asc}; empty if not a signature. */
    public static Optional<String> signedFileName(String fileName) {
        return stripSuffix(fileName);
    }

    /** Whether the artifact is a detached signature. */
    public static boolean isSignature(ArtifactRef artifact) {
        return signedExtension(artifact.extension()).isPresent();
    }

    /** Whether {@code signature} is the signature of {@code signed}. */
    public static boolean signs(ArtifactRef signature, ArtifactRef signed) {
        return signedExtension(signature.extension())
                        .filter(ext -> ext.equalsIgnoreCase(signed.extension()))
                        .isPresent()
                && signature.classifier().equals(signed.classifier())
                && signature.artifactId().equals(signed.artifactId())
                && signature.groupId().equals(signed.groupId());
    }

    private static Optional<String> stripSuffix(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : SUFFIXES) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return Optional.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }
}
