package io.github.forgemaven.testing;

/** One request as the handler sees it: the head and a streaming body. */
record ServerRequest(RequestHead head, RequestBody body) {

    String method() {
        return head.method();
    }

    String header(String name) {
        return head.header(name);
    }
}
