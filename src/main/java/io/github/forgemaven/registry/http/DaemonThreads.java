package io.github.forgemaven.registry.http;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep Maven's JVM alive, named for thread dumps. */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
