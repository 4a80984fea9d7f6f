package io.github.forgemaven.testing.forge;

/** Which server the emulator imitates; only the details that differ between them (spec §2, §5, §7, §10). */
public enum Flavour {
    /** Forgejo v14. */
    FORGEJO("14.0.2+gitea-1.22.0", true, false, "authGroup.Verify\n", "", true),
    /** Gitea 1.25. */
    GITEA("1.25.3", false, true, "Failed to authenticate user\n", "internal server error", false);

    private final String version;
    private final boolean forgejoApi;
    private final boolean headSupported;
    private final String authFailedBody;
    private final String internalErrorBody;
    private final boolean anonymousApiReads;

    Flavour(
            String version,
            boolean forgejoApi,
            boolean headSupported,
            String authFailedBody,
            String internalErrorBody,
            boolean anonymousApiReads) {
        this.version = version;
        this.forgejoApi = forgejoApi;
        this.headSupported = headSupported;
        this.authFailedBody = authFailedBody;
        this.internalErrorBody = internalErrorBody;
        this.anonymousApiReads = anonymousApiReads;
    }

    /** What {@code GET /api/v1/version} reports. */
    public String version() {
        return version;
    }

    public boolean forgejoApi() {
        return forgejoApi;
    }

    boolean headSupported() {
        return headSupported;
    }

    public String authFailedBody() {
        return authFailedBody;
    }

    String internalErrorBody() {
        return internalErrorBody;
    }

    /** Gitea 1.24+ lists a package's versions and its latest one on {@code /api/v1}; Forgejo has neither. */
    boolean versionsApi() {
        return !forgejoApi;
    }

    /** Forgejo v12+ lets anonymous callers use the GET endpoints of {@code /api/v1/packages}; Gitea does not. */
    boolean anonymousApiReads() {
        return anonymousApiReads;
    }
}
