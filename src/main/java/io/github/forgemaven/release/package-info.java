/**
 * The forge release of a version's tag (goal {@code forge:release}): the plan of the release and
 * its assets, the run that drafts, fills and publishes it, and its hints and log.
 *
 * <p>Beside {@code registry}, on the same layers: the wire of {@code registry.http} and the checked
 * input of {@code registry.plan}, never copies of them.
 */
package io.github.forgemaven.release;
