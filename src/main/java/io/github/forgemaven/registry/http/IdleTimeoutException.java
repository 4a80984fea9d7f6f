package io.github.forgemaven.registry.http;

import java.io.InterruptedIOException;

/** The server took no body data and sent no reply for longer than the response timeout. */
public final class IdleTimeoutException extends InterruptedIOException {

    private static final long serialVersionUID = 1L;

    /** @param message how long nothing moved, and how far the upload got */
    public IdleTimeoutException(String message) {
        super(message);
    }
}
