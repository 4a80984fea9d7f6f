package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.Response;

/** What the servers' router (go-chi) answers by itself when no handler matches. */
public final class Chi {

    private Chi() {}

    /** No route for the path: Go's http.NotFound, not Gitea's {@code Not found.} (that one is an unknown owner). */
    public static Response notFound() {
        return Response.text(404, "404 page not found\n");
    }

    /** A route without this method: chi's 405 with an empty body and the route's methods in {@code Allow}. */
    public static Response methodNotAllowed(String... allowed) {
        // chi adds one Allow line per method; one comma-separated line means the same (RFC 9110 §5.3)
        return Response.empty(405).withHeader("Allow", String.join(", ", allowed));
    }
}
