package cn.linli.common;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Adds an instrumentation to the graphql-java engine SmallRye builds, after SmallRye's own (depth, complexity,
 * validation cache), which it keeps. SmallRye's {@code EventingService} hands over the builder but offers no
 * way to add to its instrumentation, hence the reflection; without ours the service must not run (bad input
 * would reach resolvers and graphql-java's raw messages would reach clients), so failure stops start-up.
 */
final class Instrumentations {
    private Instrumentations() {
    }

    static GraphQL.Builder add(GraphQL.Builder builder, Instrumentation added) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            Instrumentation existing = (Instrumentation) field.get(builder);
            return builder.instrumentation(existing == null ? added : new ChainedInstrumentation(List.of(existing, added)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not add " + added.getClass().getSimpleName() + " to graphql-java", e);
        }
    }
}
