package cn.linli.common;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code EventingService}s of this package need from the graphql-java engine SmallRye builds and SmallRye
 * offers no way to reach: its instrumentation (to add ours after SmallRye's query cache, which it keeps) and its
 * schema (to change who fetches plain fields), hence the reflection. Without them the service must not run (bad
 * input would reach resolvers and graphql-java's raw messages would reach clients), so failure stops start-up.
 */
final class Instrumentations {
    private Instrumentations() {
    }

    /**
     * Adds {@code added} last. One flat chain rather than a chain inside a chain: graphql-java calls every
     * instrumentation for every field, and each level of chaining allocates its own context per call.
     */
    static GraphQL.Builder add(GraphQL.Builder builder, Instrumentation added) {
        Instrumentation existing = read(builder, "instrumentation", Instrumentation.class);
        List<Instrumentation> chain = new ArrayList<>();
        if (existing instanceof ChainedInstrumentation chained) {
            chain.addAll(chained.getInstrumentations());
        } else if (existing != null) {
            chain.add(existing);
        }
        chain.add(added);
        return builder.instrumentation(chain.size() == 1 ? added : new ChainedInstrumentation(chain));
    }

    /** The schema the engine is being built for. */
    static GraphQLSchema schemaOf(GraphQL.Builder builder) {
        return read(builder, "graphQLSchema", GraphQLSchema.class);
    }

    /** A private field of one of SmallRye's or graphql-java's objects, declared by its class or a superclass. */
    static <T> T read(Object owner, String name, Class<T> type) {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return type.cast(field.get(owner));
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Could not read " + name + " of " + owner.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(owner.getClass().getName() + " has no field " + name
                + ": the SmallRye GraphQL or graphql-java version changed; see " + Instrumentations.class.getName());
    }
}
