package cn.linli.common;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

/**
 * Whether read-only SQL may go to the read replica: inside a GraphQL query (not a mutation) of an anonymous
 * caller, whose answers are public and may lag the primary by the replica's delay. Signed-in callers and every
 * mutation read from the primary, so they see their own writes at once; so does work outside a request.
 */
final class ReadRouting {
    private ReadRouting() {
    }

    static boolean replicaAllowed() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        SmallRyeContext graphql = SmallRyeContextManager.getCurrentSmallRyeContext();
        if (graphql == null || !"query".equalsIgnoreCase(graphql.getOperationType())) {
            return false;
        }
        return Arc.container().instance(SecurityIdentity.class).get().isAnonymous();
    }
}
