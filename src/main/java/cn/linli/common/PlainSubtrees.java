package cn.linli.common;

import graphql.ExperimentalApi;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ValueUnboxer;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * graphql-java's query execution with one shortcut: a value whose whole selection below it is plain fields (served
 * by {@link PlainFieldFetchers.Plain}: record components and getters without arguments, of scalars, enums and
 * objects of such fields) is completed in one walk over the values, with the plan of that walk (which fields, which
 * accessor, which serializer) made once per selection and document instead of once per field per object.
 * <p>
 * graphql-java spends per field a parameters object, an execution step, a non-null validator, the instrumentation's
 * four hooks and the DataLoader dispatcher's bookkeeping, and per object a field collection: on the near-me page
 * (≈ 420 plain fields) the largest layer of the service's CPU once the fields themselves were cheap (issue 16). None
 * of it changes the value of a plain field: its fetcher takes no arguments, and the engine's instrumentations leave
 * argument-less fetchers as they are (checked: {@link Instrumentations#leavesArgumentlessFetchers}; with any other
 * instrumentation the shortcut is off).
 * <p>
 * The walk gives up, and graphql-java completes the value its own way, whenever the outcome would not be plain data:
 * a null in a non-null field, a value a scalar or enum refuses, an accessor that throws, a list that is no
 * {@link Iterable}, a deferred or asynchronous result. Accessors are pure (record components and getters over them),
 * so doing the work again changes nothing but time, and graphql-java reports the error as it always did. Results
 * completed here are handed to graphql-java as one scalar-like value: the DataLoader dispatcher then waits for no
 * objects below it (it has none to wait for, no field below being a loader's).
 */
final class PlainSubtrees extends AsyncExecutionStrategy {
    /** Plans kept across requests, for selections whose fields do not depend on variables (no directives). */
    private static final int PLANS_KEPT = 2_000;
    /** Marks a selection that cannot be completed here (cached as such). */
    private static final Out NOT_PLAIN = new ScalarOut(false, null);
    /** Thrown inside the walk to hand the value back to graphql-java; no stack trace (it is expected, and often). */
    private static final RuntimeException GIVE_UP = new RuntimeException("not plain data", null, false, false) {
    };

    /** Values completed in one walk, for the tests that check the shortcut is taken. */
    private static final LongAdder WALKS = new LongAdder();
    /** Tests turn the shortcut off to compare responses with and without it; the configuration decides at start. */
    private static volatile boolean enabled = true;

    /** The engine's instrumentation last checked, and whether it leaves the fetchers of plain fields alone. */
    private volatile Instrumentation checkedInstrumentation;
    private volatile boolean instrumentationAllows;

    private final Map<PlanKey, Out> plans = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PlanKey, Out> eldest) {
            return size() > PLANS_KEPT;
        }
    });

    PlainSubtrees(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    static long walks() {
        return WALKS.sum();
    }

    static void enable(boolean on) {
        enabled = on;
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
        GraphQLType type = parameters.getExecutionStepInfo().getUnwrappedNonNullType();
        // unboxed as graphql-java does: an empty Optional is a null, which graphql-java checks against non-null
        Object source = parameters.getSource() == null ? null : context.getValueUnboxer().unbox(parameters.getSource());
        if (!enabled || source == null || !(type instanceof GraphQLObjectType || type instanceof GraphQLList)
                || !instrumentationAllows(context.getInstrumentation())) {
            return super.completeValue(context, parameters);
        }
        Out plan = planFor(context, parameters.getField(), (GraphQLOutputType) type);
        if (plan == NOT_PLAIN) {
            return super.completeValue(context, parameters);
        }
        try {
            Object value = new Walk(context).complete(plan, source);
            WALKS.increment();
            return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, value);
        } catch (RuntimeException e) { // GIVE_UP, or a serializer's or accessor's failure: graphql-java reports it
            return super.completeValue(context, parameters);
        }
    }

    private boolean instrumentationAllows(Instrumentation instrumentation) {
        if (instrumentation != checkedInstrumentation) {
            instrumentationAllows = Instrumentations.leavesArgumentlessFetchers(instrumentation);
            checkedInstrumentation = instrumentation;
        }
        return instrumentationAllows;
    }

    private Out planFor(ExecutionContext context, MergedField field, GraphQLOutputType type) {
        PlanKey key = new PlanKey(field, type);
        Out plan = plans.get(key);
        if (plan != null) {
            return plan;
        }
        Out made = new Planner(context).plan(field, type);
        plan = made == null ? NOT_PLAIN : made;
        if (!dependsOnVariables(field, context.getFragmentsByName())) {
            plans.put(key, plan);
        }
        return plan;
    }

    /** The document's field nodes (kept by the document cache, compared by identity) and the field's type. */
    private record PlanKey(MergedField field, GraphQLOutputType type) {
    }

    /** Whether a directive (@skip, @include: their conditions are variables) sits anywhere below the field. */
    static boolean dependsOnVariables(MergedField field, Map<String, FragmentDefinition> fragments) {
        for (Field node : field.getFields()) {
            if (hasDirectives(node.getSelectionSet(), fragments, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDirectives(SelectionSet set, Map<String, FragmentDefinition> fragments, int depth) {
        if (set == null) {
            return false;
        }
        if (depth > 64) {
            return true; // deeper than any document the depth bound lets in: not worth keeping
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field node) {
                if (!node.getDirectives().isEmpty() || hasDirectives(node.getSelectionSet(), fragments, depth + 1)) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (!inline.getDirectives().isEmpty() || hasDirectives(inline.getSelectionSet(), fragments, depth + 1)) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition definition = fragments.get(spread.getName());
                if (!spread.getDirectives().isEmpty() || definition == null || !definition.getDirectives().isEmpty()
                        || hasDirectives(definition.getSelectionSet(), fragments, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How a value of one output type is completed. */
    private sealed interface Out permits ScalarOut, EnumOut, ListOut, ObjectOut {
        boolean nonNull();
    }

    private record ScalarOut(boolean nonNull, GraphQLScalarType type) implements Out {
    }

    private record EnumOut(boolean nonNull, GraphQLEnumType type) implements Out {
    }

    private record ListOut(boolean nonNull, Out item) implements Out {
    }

    /** The object's result keys in order; per key its accessor (null for {@code __typename}) and its value's plan. */
    private record ObjectOut(boolean nonNull, String typeName, String[] keys, MethodHandle[] accessors, Out[] values)
            implements Out {
    }

    /** Makes the plan of a selection, or null when a field in it is not plain. */
    private final class Planner {
        private final ExecutionContext context;
        private final boolean incremental;

        Planner(ExecutionContext context) {
            this.context = context;
            this.incremental = Boolean.TRUE.equals(context.getGraphQLContext().get(ExperimentalApi.ENABLE_INCREMENTAL_SUPPORT));
        }

        Out plan(MergedField field, GraphQLOutputType type) {
            boolean nonNull = type instanceof GraphQLNonNull;
            GraphQLType inner = nonNull ? ((GraphQLNonNull) type).getWrappedType() : type;
            if (inner instanceof GraphQLList list) {
                Out item = plan(field, (GraphQLOutputType) list.getWrappedType());
                return item == null ? null : new ListOut(nonNull, item);
            } else if (inner instanceof GraphQLScalarType scalar) {
                return new ScalarOut(nonNull, scalar);
            } else if (inner instanceof GraphQLEnumType enumType) {
                return new EnumOut(nonNull, enumType);
            } else if (inner instanceof GraphQLObjectType object) {
                return object(field, object, nonNull);
            }
            return null; // interfaces and unions: graphql-java resolves the type
        }

        private Out object(MergedField field, GraphQLObjectType type, boolean nonNull) {
            if (field.isDeferred()) {
                return null;
            }
            FieldCollectorParameters collecting = FieldCollectorParameters.newParameters()
                    .schema(context.getGraphQLSchema())
                    .objectType(type)
                    .fragments(context.getFragmentsByName())
                    .variables(context.getCoercedVariables().toMap())
                    .graphQLContext(context.getGraphQLContext())
                    .build();
            MergedSelectionSet selection = fieldCollector.collectFields(collecting, field, incremental);
            List<String> keys = selection.getKeys();
            MethodHandle[] accessors = new MethodHandle[keys.size()];
            Out[] values = new Out[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                MergedField sub = selection.getSubField(keys.get(i));
                if (sub.isDeferred()) {
                    return null;
                }
                if ("__typename".equals(sub.getName())) {
                    continue; // no accessor: the walk writes the type's name
                }
                GraphQLFieldDefinition definition = type.getFieldDefinition(sub.getName());
                if (definition == null || !definition.getArguments().isEmpty()
                        || sub.getFields().stream().anyMatch(f -> !f.getArguments().isEmpty())) {
                    return null;
                }
                DataFetcher<?> fetcher = context.getGraphQLSchema().getCodeRegistry().getDataFetcher(type, definition);
                if (!(fetcher instanceof PlainFieldFetchers.Plain plain)) {
                    return null;
                }
                Out value = plan(sub, definition.getType());
                if (value == null) {
                    return null;
                }
                accessors[i] = plain.accessor();
                values[i] = value;
            }
            return new ObjectOut(nonNull, type.getName(), keys.toArray(String[]::new), accessors, values);
        }
    }

    /** Completes one value along its plan; throws {@link #GIVE_UP} where graphql-java must take over. */
    private static final class Walk {
        private final ValueUnboxer unboxer;
        private final graphql.GraphQLContext graphQLContext;
        private final Locale locale;

        Walk(ExecutionContext context) {
            this.unboxer = context.getValueUnboxer();
            this.graphQLContext = context.getGraphQLContext();
            this.locale = context.getLocale();
        }

        Object complete(Out plan, Object raw) {
            Object value = raw == null ? null : unboxer.unbox(raw);
            if (value == null) {
                if (plan.nonNull()) {
                    throw GIVE_UP;
                }
                return null;
            }
            if (value instanceof DataFetcherResult<?> || value instanceof CompletionStage<?>) {
                throw GIVE_UP;
            }
            if (plan instanceof ObjectOut object) {
                return object(object, value);
            } else if (plan instanceof ListOut list) {
                if (!(value instanceof Iterable<?> items)) {
                    throw GIVE_UP;
                }
                List<Object> completed = new ArrayList<>(items instanceof Collection<?> c ? c.size() : 10);
                for (Object item : items) {
                    completed.add(complete(list.item(), item));
                }
                return completed;
            }
            Object serialized = plan instanceof ScalarOut scalar
                    ? serialize(scalar, value)
                    : ((EnumOut) plan).type().serialize(value, graphQLContext, locale);
            if (serialized == null && plan.nonNull()) {
                throw GIVE_UP;
            }
            return serialized;
        }

        private Object serialize(ScalarOut scalar, Object value) {
            try {
                return scalar.type().getCoercing().serialize(value, graphQLContext, locale);
            } catch (CoercingSerializeException e) {
                throw GIVE_UP; // graphql-java reports it as a serialization error on the field's path
            }
        }

        private Map<String, Object> object(ObjectOut plan, Object source) {
            Map<String, Object> result = new LinkedHashMap<>((int) (plan.keys().length / 0.75f) + 1);
            for (int i = 0; i < plan.keys().length; i++) {
                MethodHandle accessor = plan.accessors()[i];
                if (accessor == null) {
                    result.put(plan.keys()[i], plan.typeName());
                    continue;
                }
                Object raw;
                try {
                    raw = accessor.invokeExact(source);
                } catch (Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw GIVE_UP; // graphql-java calls the fetcher again and reports what it throws
                }
                result.put(plan.keys()[i], complete(plan.values()[i], raw));
            }
            return result;
        }
    }
}
