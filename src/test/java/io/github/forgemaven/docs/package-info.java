/**
 * Checks of the project's documentation against the plugin descriptor that Maven reads: the
 * README's parameter tables, the site's goal pages, and the Javadoc of the public types.
 */
package io.github.forgemaven.docs;
