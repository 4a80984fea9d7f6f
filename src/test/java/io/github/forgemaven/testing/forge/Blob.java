package io.github.forgemaven.testing.forge;

import java.io.IOException;
import java.io.InputStream;

/** The content of a stored file. */
public interface Blob {

    long size();

    /** @throws UnsupportedOperationException if the store kept no content */
    InputStream open() throws IOException;
}
