package cn.linli.common;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
     * Adds {@code added} last. When every instrumentation of the engine uses only the hooks {@link Flat} forwards
     * (none keeps state or times fields), they become one {@link Flat} instrumentation: graphql-java calls its
     * instrumentation for every field, and a {@link ChainedInstrumentation} answers each call with a walk over its
     * members and a context object per member (the near-me page: ≈ 420 fields × 4 hooks). Otherwise, one chain.
     */
    static GraphQL.Builder add(GraphQL.Builder builder, Instrumentation added) {
        Instrumentation existing = read(builder, "instrumentation", Instrumentation.class);
        List<Instrumentation> members = new ArrayList<>();
        if (existing instanceof ChainedInstrumentation chained) {
            members.addAll(chained.getInstrumentations());
        } else if (existing instanceof Flat flat) {
            members.addAll(flat.members);
        } else if (existing != null) {
            members.add(existing);
        }
        members.add(added);
        if (members.stream().allMatch(Flat::canForward)) {
            return builder.instrumentation(new Flat(members));
        }
        return builder.instrumentation(members.size() == 1 ? added : new ChainedInstrumentation(members));
    }

    /**
     * Instrumentations that act on the execution input, before validation, before the operation, on a field's data
     * fetcher and on the result, called in order without per-field contexts or state.
     */
    static final class Flat extends SimplePerformantInstrumentation {
        /** The hooks forwarded; an instrumentation that declares any other one is chained instead. */
        private static final Set<String> FORWARDED = Set.of("beginValidation", "beginExecuteOperation", "instrumentDataFetcher",
                "instrumentExecutionResult", "instrumentExecutionInput");

        final List<Instrumentation> members;

        Flat(List<Instrumentation> members) {
            this.members = List.copyOf(members);
        }

        static boolean canForward(Instrumentation instrumentation) {
            Set<String> hooks = declaredHooks(instrumentation);
            return hooks != null && FORWARDED.containsAll(hooks);
        }

        /**
         * The hooks an instrumentation's classes declare above graphql-java's no-op instrumentations, or null when it
         * is not built on them (its defaults are unknown here).
         */
        static Set<String> declaredHooks(Instrumentation instrumentation) {
            Set<String> hooks = new java.util.HashSet<>();
            for (Class<?> c = instrumentation.getClass(); c != SimplePerformantInstrumentation.class
                    && c != SimpleInstrumentation.class; c = c.getSuperclass()) {
                if (c == null || c == Object.class) {
                    return null;
                }
                for (Method method : c.getDeclaredMethods()) {
                    if (!method.isSynthetic() && !java.lang.reflect.Modifier.isPrivate(method.getModifiers())
                            && !java.lang.reflect.Modifier.isStatic(method.getModifiers()) && isHook(method.getName())) {
                        hooks.add(method.getName());
                    }
                }
            }
            return hooks;
        }

        private static boolean isHook(String name) {
            return name.startsWith("begin") || name.startsWith("instrument") || name.startsWith("createState");
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            List<InstrumentationContext<List<ValidationError>>> contexts = new ArrayList<>(1);
            for (Instrumentation member : members) {
                contexts.add(member.beginValidation(parameters, null));
            }
            return all(contexts);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            List<InstrumentationContext<ExecutionResult>> contexts = new ArrayList<>(1);
            for (Instrumentation member : members) {
                contexts.add(member.beginExecuteOperation(parameters, null));
            }
            return all(contexts);
        }

        /** One context for the members' (most return none, or graphql-java's no-op). */
        private static <T> InstrumentationContext<T> all(List<InstrumentationContext<T>> contexts) {
            contexts.removeIf(c -> c == null || c == SimpleInstrumentationContext.noOp());
            if (contexts.size() <= 1) {
                return contexts.isEmpty() ? null : contexts.get(0);
            }
            return new InstrumentationContext<>() {
                @Override
                public void onDispatched() {
                    contexts.forEach(InstrumentationContext::onDispatched);
                }

                @Override
                public void onCompleted(T result, Throwable t) {
                    contexts.forEach(c -> c.onCompleted(result, t));
                }
            };
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            ExecutionInput result = input;
            for (Instrumentation member : members) {
                result = member.instrumentExecutionInput(result, parameters, null);
            }
            return result;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            DataFetcher<?> result = fetcher;
            for (Instrumentation member : members) {
                result = member.instrumentDataFetcher(result, parameters, null);
            }
            return result;
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            CompletableFuture<ExecutionResult> result = CompletableFuture.completedFuture(executionResult);
            for (Instrumentation member : members) {
                result = result.thenCompose(r -> member.instrumentExecutionResult(r, parameters, null));
            }
            return result;
        }
    }

    /**
     * An instrumentation whose {@code instrumentDataFetcher} returns the fetcher it is given for a field without
     * arguments (it checks arguments only).
     */
    interface ArgumentsOnly {
    }

    /**
     * Whether the engine's instrumentation hands a field without arguments its own fetcher: a {@link Flat} one whose
     * members either do not instrument fetchers or only those of fields with arguments ({@link ArgumentsOnly}).
     * {@link PlainSubtrees} completes plain fields without asking it only then.
     */
    static boolean leavesArgumentlessFetchers(Instrumentation instrumentation) {
        if (!(instrumentation instanceof Flat flat)) {
            return false;
        }
        for (Instrumentation member : flat.members) {
            if (!(member instanceof ArgumentsOnly) && Flat.declaredHooks(member).contains("instrumentDataFetcher")) {
                return false;
            }
        }
        return true;
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
