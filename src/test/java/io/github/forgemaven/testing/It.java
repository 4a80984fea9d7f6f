package io.github.forgemaven.testing;

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
    public static void setUp(Map<String, Object> context, Consumer<RegistryEmulator> prepare) {
        setUp(context, RegistryEmulator.builder(), prepare);
    }

    /** Starts an emulator with these settings (flavour, size limit, TLS...) and the standard accounts. */
    public static void setUp(Map<String, Object> context, RegistryEmulator.Builder settings) {
        setUp(context, settings, registry -> {});
    }

    /** Starts an emulator with these settings and the standard accounts, then prepares it. */
    public static void setUp(
            Map<String, Object> context, RegistryEmulator.Builder settings, Consumer<RegistryEmulator> prepare) {
        RegistryEmulator registry = keep(context, REGISTRY, StandardFixture.start(settings));
        userProperty(context, "it.registry.url", registry.baseUrl());
        prepare.accept(registry);
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

    /** Runs the checks on the emulator, then closes everything the setup kept, last kept first. */
    @SuppressWarnings("unchecked")
    public static void verify(Map<String, Object> context, Consumer<RegistryEmulator> checks) {
        List<AutoCloseable> toClose = (List<AutoCloseable>) context.getOrDefault(TO_CLOSE, List.of());
        Throwable failure = null;
        try {
            checks.accept(registry(context));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
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
