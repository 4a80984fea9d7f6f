package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.PublicationPlan;

/**
 * One package version to publish, with the credentials to publish it and the rule for files that
 * are already there.
 *
 * @param plan the checked files and where they go
 * @param credentials sent with every request for this version
 * @param onExisting what to do with a remote file of the same name and other content
 */
public record Publication(PublicationPlan plan, Credentials credentials, ExistingFilePolicy onExisting) {}
