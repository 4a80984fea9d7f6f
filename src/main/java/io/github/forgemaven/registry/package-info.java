/**
 * The publishing run, on top of the other two layers: {@link io.github.forgemaven.registry.Publisher}
 * takes a checked {@link io.github.forgemaven.registry.Publication}, decides what to do with files the
 * server already holds, schedules the uploads, verifies what landed, rolls back a failed run and keeps
 * the record of what happened. This is what a front end (the Maven goals) calls.
 *
 * <p>Depends on {@link io.github.forgemaven.registry.plan} and {@link io.github.forgemaven.registry.http};
 * nothing here imports HttpClient (apart from its exception types, to explain them) or Maven.
 */
package io.github.forgemaven.registry;
