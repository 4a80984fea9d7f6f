/**
 * The Maven front end, and the only package that imports {@code org.apache.maven}: the goals and their
 * parameters, turning a project's artifacts and a settings.xml {@code <server>} into the core's input,
 * Maven's proxies and logger, deferring to the end of the build, and turning the core's exceptions into
 * Maven's.
 */
package io.github.forgemaven.plugin;
