package io.github.forgemaven.testing;

import io.github.forgemaven.testing.conformance.Conformance;
import io.github.forgemaven.testing.conformance.ConformanceCase;
import io.github.forgemaven.testing.conformance.ConformanceConfig;
import io.github.forgemaven.testing.conformance.EncryptedSettings;
import io.github.forgemaven.testing.conformance.RemoteServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The plumbing of an invoker IT's hook scripts, so that each script reads as its case:
 *
 * <pre>
 * // setup.groovy
 * io.github.forgemaven.testing.It.setUp(context) { registry -&gt; registry.store(...) }
 * // verify.groovy
 * import static io.github.forgemaven.testing.ItAssertions.*
 * io.github.forgemaven.testing.It.verify(context) { registry -&gt; assertStored(registry, ...) }
 * </pre>
 *
 * {@link #setUp} starts the {@link StandardFixture} emulator and passes its URL to the build as
 * {@code it.registry.url}; {@link #verify} runs the checks and then stops the emulator and whatever else the
 * setup {@linkplain #keep kept}, whether or not the checks pass. Both return nothing, since the invoker fails
 * a hook script whose value is neither null nor true.
 *
 * <p>In conformance mode ({@code -Pconformance}, see {@link Conformance}) the same scripts run against a real
 * server: {@link #setUp} starts no emulator but hands the scripts a {@link RemoteServer} and the build the
 * server's URL, the run's owner ({@code it.owner}) and package names of the case's own ({@code forge.packageName},
 * the case's prefix before each module's artifactId),
 * plus for release cases the repository, a tag of the case's own ({@code forge.repository}, {@code forge.tag})
 * and the head of the repository's default branch as {@code GITHUB_SHA}; {@link #verify} deletes what the case
 * created once the checks ran, pass or fail.
 */
public final class It {

    private static final String REGISTRY = "registry";
    private static final String TO_CLOSE = "it.toClose";
    private static final String PROXY = "it.frontEndProxy";

    private It() {}

    /** Starts the standard emulator for the build. */
    public static void setUp(Map<String, Object> context) {
        setUp(context, RegistryEmulator.builder(), registry -> {});
    }

    /** Starts the standard emulator for the build, then prepares it (stored files, faults...). */
    public static void setUp(Map<String, Object> context, Consumer<ServerUnderTest> prepare) {
        setUp(context, RegistryEmulator.builder(), prepare);
    }

    /** The commit the release ITs pass as {@code GITHUB_SHA} (their invoker.properties). */
    public static final String RELEASE_COMMIT = "1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff";

    /** Like {@link #setUpRelease(Map, Consumer)}, with nothing more to prepare. */
    public static void setUpRelease(Map<String, Object> context) {
        setUpRelease(context, registry -> {});
    }

    /**
     * The set-up of a release IT: on the emulator, {@code acme/app}'s default branch gets {@link #RELEASE_COMMIT}
     * as its head, the commit the build's {@code GITHUB_SHA} names; in conformance mode the real repository
     * keeps its own head, which {@link #setUp} passes as {@code GITHUB_SHA}. Then {@code prepare} runs.
     */
    public static void setUpRelease(Map<String, Object> context, Consumer<ServerUnderTest> prepare) {
        setUp(context, registry -> {
            registry.emulator()
                    .ifPresent(emulator -> emulator.repository(StandardFixture.ORG, StandardFixture.REPOSITORY)
                            .addCommit("main", RELEASE_COMMIT));
            prepare.accept(registry);
        });
    }

    /** Starts an emulator with these settings (flavour, size limit, TLS...) and the standard accounts. */
    public static void setUp(Map<String, Object> context, RegistryEmulator.Builder settings) {
        setUp(context, settings, registry -> {});
    }

    /** Starts an emulator with these settings and the standard accounts, then prepares it. */
    public static void setUp(
            Map<String, Object> context, RegistryEmulator.Builder settings, Consumer<ServerUnderTest> prepare) {
        if (context.get(Conformance.CASE) instanceof ConformanceCase conformanceCase) {
            setUpRemote(context, conformanceCase, prepare);
            return;
        }
        RegistryEmulator registry = keep(context, REGISTRY, StandardFixture.start(settings));
        userProperty(context, "it.registry.url", registry.baseUrl());
        userProperty(context, "it.owner", registry.owner());
        prepare.accept(registry);
    }

    private static void setUpRemote(
            Map<String, Object> context, ConformanceCase conformanceCase, Consumer<ServerUnderTest> prepare) {
        RemoteServer server =
                keep(context, REGISTRY, new RemoteServer(conformanceCase.config(), conformanceCase.prefix()));
        try {
            userProperty(context, "it.registry.url", server.baseUrl());
            userProperty(context, "it.owner", server.owner());
            // ${project.artifactId} is evaluated by Maven in each module (a user property's value is evaluated
            // again when it holds an expression), so every module of a reactor gets a package of the case's own,
            // the name server.name(artifactId) gives the scripts.
            userProperty(context, "forge.packageName", conformanceCase.prefix() + "-${project.artifactId}");
            if (conformanceCase.needs(ConformanceConfig.Setting.REPOSITORY)) {
                userProperty(context, "forge.repository", server.repository());
                userProperty(context, "forge.tag", server.name("v1.0"));
                // GITHUB_SHA comes from invoker.properties, which a hook cannot change; a JVM system property
                // env.GITHUB_SHA of the IT's own .mvn/jvm.config wins over it in Maven's env.* properties.
                Path mvn = conformanceCase.basedir().toPath().resolve(".mvn");
                Files.createDirectories(mvn);
                Files.writeString(
                        mvn.resolve("jvm.config"),
                        "-Denv.GITHUB_SHA=" + server.headCommit() + "\n",
                        StandardCharsets.UTF_8);
            }
            prepare.accept(server);
        } catch (IOException e) {
            closeKept(context, new UncheckedIOException(e));
        } catch (RuntimeException | Error e) {
            // the post-build hook does not run when this one fails: clean up what the preparation stored
            closeKept(context, e);
        }
    }

    /**
     * For a case whose {@code <server>} {@code serverId} has an encrypted password: on the emulator nothing,
     * since src/it/settings.xml has the fixture account's password encrypted with the master password of
     * {@code settingsSecurity}; in conformance mode the build gets that {@code <server>} with the run's user and
     * its token encrypted with that master password (as {@code mvn --encrypt-password} does), in global settings
     * of the case's own that its {@code .mvn/maven.config} names. Not as a property that the settings interpolate:
     * a build under -X prints every property, and the encrypted token with its master password is the token.
     */
    public static void encryptedServer(Map<String, Object> context, String serverId, File settingsSecurity) {
        if (!(context.get(Conformance.CASE) instanceof ConformanceCase conformanceCase)) {
            return;
        }
        ConformanceConfig config = conformanceCase.config();
        Path mvn = conformanceCase.basedir().toPath().resolve(".mvn");
        String settings = ".mvn/conformance-global-settings.xml";
        EncryptedSettings.writeServer(
                conformanceCase.basedir().toPath().resolve(settings),
                serverId,
                config.username(),
                config.token(),
                settingsSecurity.toPath());
        try {
            // the user settings (conformance-settings.xml, -s) have no such <server>, so this one applies;
            // relative to the IT build's working directory, the case's directory, so that no space can split it
            Files.writeString(
                    mvn.resolve("maven.config"),
                    "--global-settings=" + settings + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes {@code -Dname=value} to the build. */
    @SuppressWarnings("unchecked")
    public static void userProperty(Map<String, Object> context, String name, String value) {
        ((Map<Object, Object>) context.get("userProperties")).put(name, value);
    }

    /** Puts {@code resource} into the context under {@code name}; {@link #verify} closes it at the end. */
    @SuppressWarnings("unchecked")
    public static <T extends AutoCloseable> T keep(Map<String, Object> context, String name, T resource) {
        context.put(name, resource);
        ((List<AutoCloseable>) context.computeIfAbsent(TO_CLOSE, key -> new ArrayList<AutoCloseable>())).add(resource);
        return resource;
    }

    /**
     * Starts an nginx-like {@link FrontEndProxy} with these settings in front of the emulator and gives the
     * build its URL instead of the emulator's; {@link #verify} stops it.
     */
    public static FrontEndProxy behindProxy(Map<String, Object> context, FrontEndProxy.Builder settings) {
        FrontEndProxy proxy = keep(context, PROXY, settings.start());
        userProperty(context, "it.registry.url", proxy.baseUrl());
        return proxy;
    }

    /** The proxy that {@link #behindProxy} started. */
    public static FrontEndProxy proxy(Map<String, Object> context) {
        FrontEndProxy proxy = (FrontEndProxy) context.get(PROXY);
        if (proxy == null) {
            throw new AssertionError("no front-end proxy: setup.groovy did not run It.behindProxy(context, ...)");
        }
        return proxy;
    }

    /** The emulator that {@link #setUp} started. */
    public static RegistryEmulator registry(Map<String, Object> context) {
        RegistryEmulator registry = (RegistryEmulator) context.get(REGISTRY);
        if (registry == null) {
            throw new AssertionError("no emulator: setup.groovy did not run It.setUp(context)");
        }
        return registry;
    }

    /** The server the build runs against: the emulator, or in conformance mode the real server. */
    public static ServerUnderTest server(Map<String, Object> context) {
        Object server = context.get(REGISTRY);
        if (server instanceof ServerUnderTest found) {
            return found;
        }
        throw new AssertionError("no server: setup.groovy did not run It.setUp(context)");
    }

    /**
     * Runs checks that only the emulator can make (the requests it received, the bytes sent, faults); in
     * conformance mode prints that they were not made, and why.
     */
    public static void emulatorOnly(Map<String, Object> context, String what, Consumer<RegistryEmulator> checks) {
        ServerUnderTest server = server(context);
        if (server.emulator().isPresent()) {
            checks.accept(server.emulator().get());
        } else {
            notChecked(context, what);
        }
    }

    /**
     * In conformance mode, prints that a check was not made against the real server, and why (e.g. what a
     * local proxy cannot see inside an https tunnel); on the emulator, nothing.
     */
    public static void notChecked(Map<String, Object> context, String what) {
        note(context, "not checked against a real server: " + what);
    }

    /**
     * In conformance mode, prints a line about the case for the person running it (e.g. which branch a check
     * took on this server), as {@code conformance: <case prefix>: line}; on the emulator, where a case's checks
     * are all made, nothing.
     */
    public static void note(Map<String, Object> context, String line) {
        if (context.get(Conformance.CASE) instanceof ConformanceCase conformanceCase) {
            Conformance.console("conformance: " + conformanceCase.prefix() + ": " + line);
        }
    }

    /**
     * Runs the checks on the server (the emulator, or in conformance mode the real server), then closes
     * everything the setup kept, last kept first: the emulator stops, a real server's {@link RemoteServer}
     * deletes what the case created. In conformance mode it also checks that no token of the run shows in the
     * case's build.log, whatever the case checks itself.
     */
    public static void verify(Map<String, Object> context, Consumer<ServerUnderTest> checks) {
        Throwable failure = null;
        try {
            checks.accept(server(context));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        if (context.get(Conformance.CASE) instanceof ConformanceCase conformanceCase) {
            failure = noTokenOfTheRunShows(conformanceCase, failure);
        }
        closeKept(context, failure);
    }

    /**
     * Every conformance case's build.log, checked for each token of the run in every form a client sends it
     * (only some cases check for secrets themselves); a leak is the failure reported, the checks' own kept as
     * suppressed. A failed case's log stays where it is (the conformance profile does not copy it to the
     * console, since it may hold the secret): the console gets a line saying where.
     */
    private static Throwable noTokenOfTheRunShows(ConformanceCase conformanceCase, Throwable failure) {
        ConformanceConfig config = conformanceCase.config();
        try {
            config.tokens()
                    .forEach((setting, token) -> ItAssertions.assertNoSecretIn(
                            conformanceCase.basedir(),
                            config.username(),
                            token,
                            "the run's " + setting.property() + " (checked in every conformance case)"));
        } catch (AssertionError leak) {
            if (failure != null) {
                leak.addSuppressed(failure);
            }
            failure = leak;
        }
        if (failure != null) {
            Conformance.console("conformance: " + conformanceCase.prefix() + ": failed, its build log: "
                    + new File(conformanceCase.basedir(), "build.log"));
        }
        return failure;
    }

    @SuppressWarnings("unchecked")
    private static void closeKept(Map<String, Object> context, Throwable failure) {
        List<AutoCloseable> toClose = (List<AutoCloseable>) context.getOrDefault(TO_CLOSE, List.of());
        context.remove(TO_CLOSE);
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("closing after the checks failed", failure);
        }
    }
}
