package io.github.forgemaven.registry;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep Maven's JVM alive, named for thread dumps. */
final class DaemonThreads {

    private DaemonThreads() {}

    static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
