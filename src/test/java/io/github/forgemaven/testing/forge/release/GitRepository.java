package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Access;
import io.github.forgemaven.testing.forge.Account;
import io.github.forgemaven.testing.forge.BlobStore;
import io.github.forgemaven.testing.forge.Digests;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A repository as the releases API sees it: its git side (commits, branches, tags), its settings (private,
 * pull mirror, archived, protected tags, collaborators) and its release rows. A new repository is empty (no
 * commit). Thread-safe: every method locks the {@link RepositoryStore} it belongs to.
 */
public final class GitRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RepositoryStore store;
    private final Account owner;
    private final String name;
    private final long id;
    private String defaultBranch = "main";
    private final Set<String> commits = new LinkedHashSet<>();
    private final Map<String, String> branches = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<String> protectedTags = new ArrayList<>();
    private final Map<String, Access> collaborators = new LinkedHashMap<>();
    private boolean privateRepository;
    private boolean mirror;
    private boolean archived;
    final List<ReleaseRow> releases = new ArrayList<>();
    private java.io.File followed;

    GitRepository(RepositoryStore store, long id, Account owner, String name) {
        this.store = store;
        this.id = id;
        this.owner = owner;
        this.name = name;
    }

    public long id() {
        return id;
    }

    public Account owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String defaultBranch() {
        synchronized (store) {
            return defaultBranch;
        }
    }

    /** Renames the default branch (before the first commit, or moving its head along). */
    public GitRepository defaultBranch(String branch) {
        synchronized (store) {
            String head = branches.remove(defaultBranch);
            defaultBranch = branch;
            if (head != null) {
                branches.put(branch, head);
            }
            return this;
        }
    }

    /** Adds a commit with a random SHA on top of the default branch and returns its full SHA. */
    public String commit() {
        return commitOn(defaultBranch());
    }

    /** Adds a commit with a random SHA on top of a branch (created if missing) and returns its full SHA. */
    public String commitOn(String branch) {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String sha = HexFormat.of().formatHex(bytes);
        addCommit(branch, sha);
        return sha;
    }

    /** Records a commit with a known SHA (e.g. the build's git HEAD) as the new head of a branch. */
    public GitRepository addCommit(String branch, String sha) {
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("a commit SHA is 40 lowercase hex characters: " + sha);
        }
        synchronized (store) {
            commits.add(sha);
            branches.put(branch, sha);
            return this;
        }
    }

    /** The head of the default branch, empty for an empty repository. */
    public Optional<String> head() {
        synchronized (store) {
            return Optional.ofNullable(branches.get(defaultBranch));
        }
    }

    public boolean empty() {
        synchronized (store) {
            return commits.isEmpty();
        }
    }

    /**
     * Creates a lightweight git tag without a release row, as a tag created in git whose push sync has not
     * run yet (the servers' TestAPICreateAndUpdateRelease).
     */
    public GitRepository createTag(String tag, String sha) {
        synchronized (store) {
            requireCommit(sha);
            tags.put(tag, sha);
            return this;
        }
    }

    /**
     * {@code git push} of a tag, as {@code release:prepare} does: the git tag plus what the push sync does
     * (releases spec §2.3): a tag-only row if no release has this tag, and a draft for it is published.
     */
    public GitRepository pushTag(String tag, String sha) {
        synchronized (store) {
            createTag(tag, sha);
            Optional<ReleaseRow> row = releaseRow(tag);
            if (row.isEmpty()) {
                releases.add(ReleaseRow.tagOnly(store.nextReleaseId(), tag, sha, owner));
            } else {
                row.get().draft = false;
                row.get().sha = sha;
            }
            return this;
        }
    }

    /**
     * Puts a release in place as if created through the API, for tests that start from an existing release.
     * A release that is not a draft gets its git tag at the default branch's head when the tag is missing.
     *
     * @throws IllegalArgumentException when a row for the tag exists, or a published release would need a
     *     tag in an empty repository
     */
    public Release addRelease(String tag, String title, boolean draft, boolean prerelease) {
        synchronized (store) {
            if (releaseRow(tag).isPresent()) {
                throw new IllegalArgumentException("a release row for " + tag + " exists");
            }
            ReleaseRow row = new ReleaseRow(store.nextReleaseId(), tag);
            row.title = title;
            row.draft = draft;
            row.prerelease = prerelease;
            row.publisher = owner;
            row.created = java.time.Instant.now();
            row.target = defaultBranch;
            if (!draft) {
                String sha = tags.computeIfAbsent(
                        tag,
                        t -> head().orElseThrow(() -> new IllegalArgumentException(
                                "a published release needs a commit to tag in " + owner.name() + "/" + name)));
                row.sha = sha;
            }
            releases.add(row);
            return row.snapshot(owner.name(), name);
        }
    }

    /** Adds an asset to the release of a tag as if uploaded; duplicates of a name are allowed, as on the servers. */
    public ReleaseAsset addAsset(String tag, String assetName, byte[] content) {
        synchronized (store) {
            ReleaseRow row = releaseRow(tag)
                    .filter(r -> !r.tagOnly)
                    .orElseThrow(() -> new IllegalArgumentException("no release for " + tag));
            BlobStore.Writer writer = BlobStore.inMemory().newBlob();
            try {
                Digests digests = Digests.copy(new java.io.ByteArrayInputStream(content), writer);
                AssetRow asset = store.newAsset(assetName, digests, writer.finish());
                row.assets.add(asset);
                return asset.snapshot();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Adds a Forgejo v9+ external asset (a link to {@code url}) to the release of a tag, as if added through the API. */
    public ReleaseAsset addExternalAsset(String tag, String assetName, String url) {
        synchronized (store) {
            ReleaseRow row = releaseRow(tag)
                    .filter(r -> !r.tagOnly)
                    .orElseThrow(() -> new IllegalArgumentException("no release for " + tag));
            AssetRow asset = store.newExternalAsset(assetName, url);
            row.assets.add(asset);
            return asset.snapshot();
        }
    }

    /**
     * Follows a real git repository (bare or not), as the server's own copy: before every releases API
     * request the emulator reads its branches, commits and tags with the {@code git} command, and a tag
     * that appeared there is handled as a push (tag-only row, a draft of that tag published, releases spec
     * §2.3). For ITs where {@code release:prepare} pushes to a bare repository.
     */
    public GitRepository follow(java.io.File gitDirectory) {
        synchronized (store) {
            followed = gitDirectory;
            sync();
            return this;
        }
    }

    /** Reads the followed repository, if any; called with the store's lock held. */
    void sync() {
        if (followed == null) {
            return;
        }
        for (String line : git("rev-list", "--all")) {
            commits.add(line.trim());
        }
        List<String> head = git("symbolic-ref", "-q", "HEAD");
        if (!head.isEmpty() && head.get(0).startsWith("refs/heads/")) {
            defaultBranch = head.get(0).substring("refs/heads/".length()).trim();
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (String line :
                git("for-each-ref", "--format=%(refname) %(objectname) %(*objectname)", "refs/heads", "refs/tags")) {
            String[] fields = line.trim().split(" ");
            String sha = fields.length > 2 && !fields[2].isEmpty() ? fields[2] : fields[1];
            if (fields[0].startsWith("refs/heads/")) {
                branches.put(fields[0].substring("refs/heads/".length()), sha);
            } else {
                seen.put(fields[0].substring("refs/tags/".length()), sha);
            }
        }
        seen.forEach((tag, sha) -> {
            if (!sha.equals(tags.get(tag))) {
                pushTag(tag, sha);
            }
        });
        // a tag deleted by a push takes its tag-only row along; releases stay
        Set<String> deleted = new java.util.HashSet<>(tags.keySet());
        deleted.removeAll(seen.keySet());
        tags.keySet().removeAll(deleted);
        releases.removeIf(row -> row.tagOnly && deleted.contains(row.tag));
    }

    private List<String> git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", followed.getAbsolutePath()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            process.waitFor();
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The commit a git tag points at. */
    public Optional<String> tagCommit(String tag) {
        synchronized (store) {
            return Optional.ofNullable(tags.get(tag));
        }
    }

    /** Protects tags matching a glob ({@code *} any characters), as {@code [Settings > Tags]} does. */
    public GitRepository protectTags(String glob) {
        synchronized (store) {
            protectedTags.add(glob);
            return this;
        }
    }

    public GitRepository makePrivate() {
        synchronized (store) {
            privateRepository = true;
            return this;
        }
    }

    /** Marks the repository a pull mirror ({@code "mirror":true} in its JSON). */
    public GitRepository pullMirror() {
        synchronized (store) {
            mirror = true;
            return this;
        }
    }

    public GitRepository archive() {
        synchronized (store) {
            archived = true;
            return this;
        }
    }

    /** A collaborator with read or write access to the repository (write covers the Releases unit). */
    public GitRepository addCollaborator(String user, Access access) {
        synchronized (store) {
            collaborators.put(user.toLowerCase(Locale.ROOT), access);
            return this;
        }
    }

    public GitRepository removeCollaborator(String user) {
        synchronized (store) {
            collaborators.remove(user.toLowerCase(Locale.ROOT));
            return this;
        }
    }

    boolean isPrivate() {
        return privateRepository;
    }

    boolean isMirror() {
        return mirror;
    }

    boolean isArchived() {
        return archived;
    }

    Access collaborator(String user) {
        return collaborators.getOrDefault(user.toLowerCase(Locale.ROOT), Access.NONE);
    }

    boolean tagProtected(String tag) {
        for (String glob : protectedTags) {
            if (tag.matches(globToRegex(glob))) {
                return true;
            }
        }
        return false;
    }

    /** What {@code gitRepo.GetCommit(target)} resolves: a branch, a tag, a full or abbreviated (7+) SHA. */
    Optional<String> resolve(String target) {
        if (branches.containsKey(target)) {
            return Optional.of(branches.get(target));
        }
        if (tags.containsKey(target)) {
            return Optional.of(tags.get(target));
        }
        if (target.matches("[0-9a-f]{7,40}")) {
            List<String> matches =
                    commits.stream().filter(c -> c.startsWith(target)).toList();
            if (matches.size() == 1) {
                return Optional.of(matches.get(0));
            }
        }
        return Optional.empty();
    }

    Map<String, String> gitTags() {
        return tags;
    }

    /** The row for a tag, looked up as {@code lower_tag_name = lower(tag)}. */
    Optional<ReleaseRow> releaseRow(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        return releases.stream()
                .filter(r -> r.tag.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }

    Optional<ReleaseRow> releaseRow(long releaseId) {
        return releases.stream().filter(r -> r.id == releaseId).findFirst();
    }

    private void requireCommit(String sha) {
        if (!commits.contains(sha)) {
            throw new IllegalArgumentException("no commit " + sha + " in " + owner.name() + "/" + name);
        }
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }
}
