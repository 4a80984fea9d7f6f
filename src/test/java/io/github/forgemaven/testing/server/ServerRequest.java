package io.github.forgemaven.testing.server;

/** One request as the handler sees it: the head and a streaming body. */
public record ServerRequest(RequestHead head, RequestBody body) {

    public String method() {
        return head.method();
    }

    public String header(String name) {
        return head.header(name);
    }
}
