package cn.linli.common;

import graphql.GraphQL;
import graphql.TrivialDataFetcher;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionStrategy;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import graphql.schema.SelectedField;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.schema.visibility.GraphqlFieldVisibility;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.EventingService;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Serves the plain fields of output types (a record component or a getter whose value graphql-java can use as it
 * is) with a light graphql-java data fetcher: one method-handle call on the source object.
 * <p>
 * SmallRye's generic field fetcher does the same call but first builds its per-field context (the selected fields
 * rendered as JSON, among others) and then runs its transformation machinery; on the near-me page (≈ 420 fields)
 * that was a third of the service's CPU (issue 16). Its context matters to operations and source fields (the
 * resolvers that take {@code @Source} or inject SmallRye's {@code Context}), never to a record accessor, and
 * those keep SmallRye's fetchers. So do fields whose value SmallRye converts: a scalar whose Java class is not the
 * scalar's (dates, {@code Long} as {@code BigInteger}), adapters, formats, maps and arrays. The schema does not
 * change; only who reads the value does.
 * <p>
 * The fetchers SmallRye keeps (operations, source fields, converted values, batched {@code @Source List} fields) are
 * handed an environment whose selection set is empty ({@link WithoutSelectedFields}): SmallRye renders the selection
 * below a field as JSON, twice, on every call, for its {@code Context.getSelectedFields()}, which nothing in this
 * service reads (a test keeps it so). For a batched field that selection set was also graphql-java's normalized
 * operation, built for the whole document on first use: 12 % of the service page's CPU (issue 16).
 * <p>
 * The code registry it rebuilds for the engine also gets graphql-java's default field visibility in place of the
 * blocking pattern SmallRye makes of Quarkus's default ({@code "default"}), which graphql-java matched against every
 * field of every response. And queries run on {@link PlainSubtrees}, which completes a selection made of plain fields
 * only in one walk. {@code linli.graphql.plain-field-fetchers=false} turns all four off (the benchmark's
 * before-and-after).
 */
public class PlainFieldFetchers implements EventingService {
    private static final Logger LOG = Logger.getLogger(PlainFieldFetchers.class);
    /** The fields ("Type.field") the engine last built serves with a plain fetcher. */
    private static volatile Set<String> served = Set.of();
    /** The fields SmallRye still serves, handed an environment without a selection. */
    private static volatile Set<String> withoutSelection = Set.of();
    /** Batched fields answered from what their source carries ({@link ReadAlready}), for the tests. */
    private static final LongAdder READ_ALREADY = new LongAdder();
    /** The field visibility of the engine last built. */
    private static volatile GraphqlFieldVisibility visibility;

    @Override
    public String getConfigKey() {
        return "linli.graphql.plain-field-fetchers";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQLSchema schema = Instrumentations.schemaOf(builder);
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        Set<String> plain = new TreeSet<>();
        Set<String> wrapped = new TreeSet<>();
        boolean quarkusDefaultVisibility = "default".equals(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-graphql.field-visibility", String.class).orElse("default"));
        GraphQLCodeRegistry replaced = registry.transform(codeRegistry -> {
            if (quarkusDefaultVisibility) {
                // Quarkus hands SmallRye its default field visibility as the word "default", and SmallRye takes any
                // value but "no-introspection" as patterns to block: a regular expression on every field of every
                // response (≈ 2 % of the near-me search's samples) that blocks nothing. graphql-java's default instead.
                codeRegistry.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
            }
            for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                    .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
                if (type.getName().startsWith("__")) {
                    continue;
                }
                for (GraphQLFieldDefinition definition : type.getFieldDefinitions()) {
                    DataFetcher<?> fetcher = registry.getDataFetcher(type, definition);
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(type.getName(), definition.getName());
                    MethodHandle accessor = fetcher instanceof FieldDataFetcher<?> smallRye ? plainAccessor(smallRye) : null;
                    if (accessor != null) {
                        codeRegistry.dataFetcher(coordinates, new Plain(accessor));
                        plain.add(type.getName() + "." + definition.getName());
                    } else if (fetcher instanceof BatchDataFetcher<?>) {
                        codeRegistry.dataFetcher(coordinates, new Batched(fetcher, definition.getName()));
                        wrapped.add(type.getName() + "." + definition.getName());
                    } else if (fetcher instanceof PlugableDataFetcher<?>) {
                        codeRegistry.dataFetcher(coordinates, WithoutSelectedFields.of(fetcher));
                        wrapped.add(type.getName() + "." + definition.getName());
                    }
                }
            }
        });
        served = Set.copyOf(plain);
        visibility = replaced.getFieldVisibility();
        withoutSelection = Set.copyOf(wrapped);
        LOG.debugf("%d fields served by plain fetchers", plain.size());
        if (Instrumentations.read(builder, "queryExecutionStrategy", ExecutionStrategy.class) == null) {
            // graphql-java's default for queries, with the shortcut for selections of plain fields only
            builder.queryExecutionStrategy(new PlainSubtrees(
                    Instrumentations.read(builder, "defaultExceptionHandler", DataFetcherExceptionHandler.class)));
        }
        return builder.schema(schema.transformWithoutTypes(b -> b.codeRegistry(replaced)));
    }

    static Set<String> servedFields() {
        return served;
    }

    static GraphqlFieldVisibility fieldVisibility() {
        return visibility;
    }

    static long answeredFromSource() {
        return READ_ALREADY.sum();
    }

    static Set<String> fieldsWithoutSelection() {
        return withoutSelection;
    }

    /** The accessor of a field SmallRye would hand over unchanged, or null when SmallRye must serve it. */
    static MethodHandle plainAccessor(FieldDataFetcher<?> fetcher) {
        Field field = Instrumentations.read(fetcher, "field", Field.class);
        Reference owner = Instrumentations.read(fetcher, "owner", Reference.class);
        if (!servesUnchanged(field)) {
            return null;
        }
        try {
            Class<?> ownerClass = ClassloadingService.get().loadClass(owner.getClassName());
            MethodHandle handle = field.getMethodName() == null
                    ? MethodHandles.publicLookup().unreflectGetter(ownerClass.getField(field.getPropertyName()))
                    : MethodHandles.publicLookup().unreflect(ownerClass.getMethod(field.getMethodName()));
            return handle.asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            return null; // SmallRye's own fetcher will report what it cannot reach
        }
    }

    /** A primitive and the class SmallRye gives its scalar: graphql-java takes either as it is. */
    private static final Map<String, String> BOXED = Map.of("int", "java.lang.Integer", "boolean", "java.lang.Boolean",
            "double", "java.lang.Double", "float", "java.lang.Float", "short", "java.lang.Short", "byte", "java.lang.Byte");

    /**
     * Java's floating-point classes, which SmallRye gives the scalar Float's class ({@code java.lang.Float}) and hands
     * over unchanged (its NumberTransformer's output is its input); graphql-java's Float takes any of them.
     */
    private static final Set<String> FLOATING = Set.of("double", "java.lang.Double", "float", "java.lang.Float");

    /** True when SmallRye's fetcher would return the accessor's value as it is (see AbstractHelper.transformOrAdapt). */
    static boolean servesUnchanged(Field field) {
        Reference reference = field.getReference();
        boolean converted = reference.getType() == ReferenceType.SCALAR
                && !reference.getClassName().equals(reference.getGraphQLClassName())
                && !reference.getGraphQLClassName().equals(BOXED.get(reference.getClassName()))
                && !(FLOATING.contains(reference.getClassName()) && reference.getGraphQLClassName().equals("java.lang.Float"));
        boolean wrappedSpecially = field.hasWrapper()
                && (field.getWrapper().isArray() || field.getWrapper().isMap() || field.getWrapper().isOptional()
                        || field.getWrapper().isUnknown());
        return !converted && !wrappedSpecially && !field.hasTransformation() && !field.isAdaptingTo()
                && !field.isAdaptingWith() && !reference.isAdaptingTo() && !reference.isAdaptingWith();
    }

    /**
     * SmallRye's fetcher, given the environment graphql-java built with an empty selection set. graphql-java computes
     * a selection only when asked, and SmallRye asks on every call to fill a context view this service does not use
     * (for the near-me search: the normalized operation and the page's selection as JSON twice, about a tenth of the
     * request's CPU).
     */
    static class WithoutSelectedFields implements DataFetcher<Object> {
        private final DataFetcher<?> smallRye;

        WithoutSelectedFields(DataFetcher<?> smallRye) {
            this.smallRye = smallRye;
        }

        static DataFetcher<Object> of(DataFetcher<?> smallRye) {
            // graphql-java skips some per-field work for trivial fetchers: the wrapper keeps the marker
            return smallRye instanceof TrivialDataFetcher<?> ? new Trivial(smallRye) : new WithoutSelectedFields(smallRye);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            try {
                return smallRye.get(new DelegatingDataFetchingEnvironment(environment) {
                    @Override
                    public DataFetchingFieldSelectionSet getSelectionSet() {
                        return NO_SELECTION;
                    }
                });
            } catch (RuntimeException e) { // a getter's failure; resolvers' failures are translated by ApiErrorsInterceptor
                throw ApiErrorsInterceptor.translate(e, where(environment));
            }
        }

        static final class Trivial extends WithoutSelectedFields implements TrivialDataFetcher<Object> {
            Trivial(DataFetcher<?> smallRye) {
                super(smallRye);
            }
        }
    }

    /**
     * A batched field ({@code @Source List<…>}): the value its source carries ({@link ReadAlready}) as it is, else
     * SmallRye's batch fetcher (its DataLoader, then the resolver for the whole batch) without a selection set.
     */
    static final class Batched extends WithoutSelectedFields {
        private final String field;

        Batched(DataFetcher<?> smallRye, String field) {
            super(smallRye);
            this.field = field;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            if (environment.getSource() instanceof ReadAlready source) {
                Object value = source.readAlready(field);
                if (value != ReadAlready.NOT_READ) {
                    READ_ALREADY.increment();
                    return value;
                }
            }
            return super.get(environment);
        }
    }

    private static String where(DataFetchingEnvironment environment) {
        return GraphQLTypeUtil.simplePrint(environment.getParentType()) + "." + environment.getFieldDefinition().getName();
    }

    private static final DataFetchingFieldSelectionSet NO_SELECTION = new DataFetchingFieldSelectionSet() {
        @Override
        public boolean contains(String fieldGlobPattern) {
            return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern,
                String... fieldGlobPatterns) {
            return Map.of();
        }
    };

    /** One method-handle call; graphql-java need not build a DataFetchingEnvironment for it. */
    static final class Plain implements LightDataFetcher<Object> {
        private final MethodHandle accessor;

        Plain(MethodHandle accessor) {
            this.accessor = accessor;
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            if (source == null) {
                return null;
            }
            try {
                return accessor.invokeExact(source);
            } catch (RuntimeException e) { // as from a resolver: a code and a readable message, never "System error"
                throw ApiErrorsInterceptor.translate(e, source.getClass().getSimpleName() + "." + definition.getName());
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        /** The accessor, {@code (Object) -> Object}: {@link PlainSubtrees} calls it without graphql-java. */
        MethodHandle accessor() {
            return accessor;
        }
    }
}
