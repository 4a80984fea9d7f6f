package io.github.forgemaven.testing;

/**
 * Runs the registry emulator with the standard fixture until the process is killed, for the
 * README's demo. Prints {@code ready <base URL>} once it accepts requests.
 */
public final class DemoRegistry {

    private DemoRegistry() {}

    /** Starts the emulator and blocks. */
    public static void main(String[] args) throws InterruptedException {
        RegistryEmulator registry = StandardFixture.start();
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        System.out.println("ready " + registry.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
