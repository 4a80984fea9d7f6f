package io.github.forgemaven.registry.http;

/** The server answered a request with a failure status. */
public final class RegistryResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpFailure failure;

    /** @param failure what the server answered */
    public RegistryResponseException(HttpFailure failure) {
        super(failure.method() + " " + failure.uri() + " failed: " + failure.statusLine());
        this.failure = failure;
    }

    /** What the server answered. */
    public HttpFailure failure() {
        return failure;
    }
}
