package io.github.forgemaven.testing.forge;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users, organisations, passwords, tokens and team grants. Names are looked up case-insensitively. */
public final class Directory {

    /** Gitea's Actions pseudo-user (id -2): it authenticates but no grant ever names it (spec §6.4). */
    static final Account ACTIONS_USER = new Account(-2, "gitea-actions", false, Visibility.PUBLIC, true, false);

    private record Token(String user, TokenScope scope, boolean actions) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Map<String, Access>> grants = new HashMap<>();
    private final Map<String, java.util.Set<String>> repositories = new HashMap<>();
    private long nextId = 1;

    public synchronized Account addUser(String name, String password, Visibility visibility) {
        Account account = add(name, false, visibility);
        passwords.put(key(name), password);
        return account;
    }

    public synchronized Account addOrganization(String name, Visibility visibility) {
        return add(name, true, visibility);
    }

    public synchronized void grant(String org, String user, Access access) {
        Account organization = require(org);
        Account member = require(user);
        if (!organization.organization() || member.organization()) {
            throw new IllegalArgumentException(org + " must be an organisation and " + user + " a user");
        }
        grants.computeIfAbsent(key(org), k -> new HashMap<>()).put(key(user), access);
    }

    public synchronized void deactivate(String user) {
        accounts.put(key(user), require(user).withActive(false));
    }

    public synchronized void makeAdmin(String user) {
        accounts.put(key(user), require(user).withAdmin(true));
    }

    public synchronized String addToken(String user, String value, Set<String> scopes, boolean actions) {
        require(user);
        String token = value != null ? value : HexFormat.of().formatHex(bytes20());
        if (!token.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("a token is 40 lowercase hex characters, like Gitea's");
        }
        if (tokens.containsKey(token)) {
            throw new IllegalArgumentException("token already registered");
        }
        tokens.put(token, new Token(user, new TokenScope(scopes), actions));
        return token;
    }

    public synchronized void addRepository(String owner, String repository) {
        require(owner);
        repositories.computeIfAbsent(key(owner), k -> new java.util.HashSet<>()).add(key(repository));
    }

    synchronized boolean hasRepository(String owner, String repository) {
        return repositories.getOrDefault(key(owner), java.util.Set.of()).contains(key(repository));
    }

    public synchronized Optional<Account> find(String name) {
        return Optional.ofNullable(accounts.get(key(name)));
    }

    /** A password login; organisations have no password. */
    synchronized Optional<Account> login(String name, String password) {
        String expected = passwords.get(key(name));
        return expected != null && expected.equals(password) ? find(name) : Optional.empty();
    }

    /** The caller a token stands for, or empty if no such token exists. */
    synchronized Optional<Caller> token(String value) {
        Token token = tokens.get(value);
        if (token == null) {
            return Optional.empty();
        }
        if (token.actions()) {
            return Optional.of(new Caller(ACTIONS_USER, null));
        }
        return find(token.user()).map(user -> new Caller(user, token.scope()));
    }

    /** Like {@link #token} but only personal access tokens, as {@code GetAccessTokenBySHA} finds them. */
    synchronized Optional<Caller> personalToken(String value) {
        Token token = tokens.get(value);
        return token == null || token.actions() ? Optional.empty() : token(value);
    }

    /** The member's team grant in the organisation, empty if not a member. */
    public synchronized Optional<Access> membership(Account organization, Account user) {
        Map<String, Access> members = grants.getOrDefault(key(organization.name()), Map.of());
        return Optional.ofNullable(members.get(key(user.name())));
    }

    private Account add(String name, boolean organization, Visibility visibility) {
        if (accounts.containsKey(key(name))) {
            throw new IllegalArgumentException("name already taken: " + name);
        }
        Account account = new Account(nextId++, name, organization, visibility, true, false);
        accounts.put(key(name), account);
        return account;
    }

    private Account require(String name) {
        Account account = accounts.get(key(name));
        if (account == null) {
            throw new IllegalArgumentException("no such user or organisation: " + name);
        }
        return account;
    }

    private byte[] bytes20() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
