package io.github.forgemaven.registry;

/**
 * A run stops: what failed, why, and what to do. The run's report and rollback are added once,
 * by {@link Rollback}, after every upload in flight has ended.
 */
final class RunStopped extends Exception {

    private static final long serialVersionUID = 1L;

    final transient FileStep step;
    final boolean fixable;

    RunStopped(String message, Exception cause, boolean fixable, FileStep step) {
        super(message, cause);
        this.fixable = fixable;
        this.step = step;
    }
}
