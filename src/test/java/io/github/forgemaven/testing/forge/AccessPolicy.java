package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.Response;
import java.util.Optional;

/** The caller's access to an owner's packages (spec §6.4) and the read/write checks of spec §2 steps 4-5. */
public final class AccessPolicy {

    private static final String REALM = "Basic realm=\"Gitea Package API\"";

    private final Directory directory;
    private final boolean requireSignInView;

    public AccessPolicy(Directory directory, boolean requireSignInView) {
        this.directory = directory;
        this.requireSignInView = requireSignInView;
    }

    boolean requireSignInView() {
        return requireSignInView;
    }

    public Access accessMode(Caller caller, Account owner) {
        if (requireSignInView && !caller.signedIn()) {
            return Access.NONE;
        }
        if (caller.signedIn() && !caller.user().active()) {
            return Access.NONE;
        }
        if (owner.organization()) {
            Optional<Access> membership =
                    caller.signedIn() ? directory.membership(owner, caller.user()) : Optional.empty();
            Access mode = membership.orElse(Access.NONE);
            boolean visible = owner.visibility() == Visibility.PUBLIC
                    || (owner.visibility() == Visibility.LIMITED && caller.signedIn())
                    || membership.isPresent()
                    || caller.admin();
            return mode == Access.NONE && visible ? Access.READ : mode;
        }
        if (caller.signedIn() && caller.user().id() == owner.id()) {
            return Access.WRITE;
        }
        if (caller.signedIn()) {
            return owner.visibility() == Visibility.PRIVATE ? Access.NONE : Access.READ;
        }
        return owner.visibility() == Visibility.PUBLIC ? Access.READ : Access.NONE;
    }

    /** Gitea's reqPackageAccess on {@code /api/packages}: empty when the caller may go on. */
    Optional<Response> check(Caller caller, Account owner, Access mode, Access required) {
        if (caller.scope() != null) {
            if (!caller.scope().allows(required)) {
                return Optional.of(unauthorized());
            }
            if (caller.scope().publicOnly() && owner.visibility() == Visibility.PRIVATE) {
                return Optional.of(Response.text(403, "reqToken\n"));
            }
        }
        if (!mode.atLeast(required) && !caller.admin()) {
            return Optional.of(unauthorized());
        }
        return Optional.empty();
    }

    private static Response unauthorized() {
        return Response.text(401, "reqPackageAccess\n").withHeader("WWW-Authenticate", REALM);
    }
}
