package io.github.forgemaven.release;

/** Where a release run reports what it does; the plugin sends it to Maven's log. */
public interface ReleaseLog {
    /** One line of progress. */
    void info(String line);

    /** Something the user should look at, which does not stop the run. */
    void warn(String line);
}
