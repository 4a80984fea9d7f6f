/**
 * The checked input of a run, with no network: registry URLs, package coordinates and the servers'
 * naming rules, the selection of files, file-name templates and the policy for existing files. Everything
 * a user can get wrong is rejected here, before a byte is sent.
 *
 * <p>The bottom layer: it depends on no other package of the plugin.
 */
package io.github.forgemaven.registry.plan;
