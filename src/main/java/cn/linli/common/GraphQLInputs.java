package cn.linli.common;

import graphql.GraphQL;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.WeakHashMap;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import io.smallrye.graphql.spi.EventingService;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Input rules that hold for every operation, in one place (a SmallRye GraphQL {@link EventingService}):
 * <ul>
 * <li>strict input types, as the GraphQL specification has them, for variables and literals alike: an
 * {@code Int} is an integer within 32 bits (not {@code "10"}, not 1.5, not 2^63), a {@code Float} a number, a
 * {@code String} a string, an {@code ID} a string or an integer, a {@code BigInteger} an integer within 64 bits
 * (SmallRye's own scalars would coerce strings to numbers and anything to a string);</li>
 * <li>every text argument and input field, at any depth, follows {@link InputRules} (no NUL or other control
 * characters, no lone surrogates or bidi overrides, bounded length), and every date has a sane year: VALIDATION
 * naming the field ({@code input.beneficiary.name}) before the resolver runs;</li>
 * <li>operations nest fields at most {@code linli.graphql.max-depth} deep ({@link DocumentDepth}), checked once per
 * parsed document for HTTP and websockets alike. The bound on the number of fields is the request gate's
 * ({@code linli.graphql.max-fields}), checked before graphql-java validates.</li>
 * </ul>
 */
public class GraphQLInputs implements EventingService {
    private static final Set<String> DATES = Set.of("Date", "DateTime");

    @Override
    public String getConfigKey() {
        return "linli.graphql.input-rules";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        int maxDepth = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("linli.graphql.max-depth", Integer.class).orElse(15);
        return Instrumentations.add(builder, new ArgumentRules(maxDepth));
    }

    /** The scalars whose input is checked strictly, and what each accepts. */
    enum Kind {
        INT, FLOAT, STRING, ID, BOOLEAN, LONG;

        private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
        private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
        private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
        private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

        static Kind of(String scalar) {
            return switch (scalar) {
                case "Int" -> INT;
                case "Float" -> FLOAT;
                case "String" -> STRING;
                case "ID" -> ID;
                case "Boolean" -> BOOLEAN;
                case "BigInteger" -> LONG;
                default -> null;
            };
        }

        /** True when a variable's value (decoded JSON) is of this kind. */
        boolean acceptsValue(Object input) {
            return switch (this) {
                case INT -> within(integral(input), INT_MIN, INT_MAX);
                case LONG -> within(integral(input), LONG_MIN, LONG_MAX);
                case FLOAT -> input instanceof Number n && !(input instanceof BigDecimal) && Double.isFinite(n.doubleValue())
                        || input instanceof BigDecimal;
                case STRING -> input instanceof String;
                case ID -> input instanceof String || within(integral(input), LONG_MIN, LONG_MAX);
                case BOOLEAN -> input instanceof Boolean;
            };
        }

        /** True when a literal in the query is of this kind. */
        boolean acceptsLiteral(Value<?> input) {
            return switch (this) {
                case INT -> input instanceof IntValue i && within(i.getValue(), INT_MIN, INT_MAX);
                case LONG -> input instanceof IntValue i && within(i.getValue(), LONG_MIN, LONG_MAX);
                case FLOAT -> input instanceof IntValue || input instanceof FloatValue;
                case STRING -> input instanceof StringValue;
                case ID -> input instanceof StringValue || input instanceof IntValue i && within(i.getValue(), LONG_MIN, LONG_MAX);
                case BOOLEAN -> input instanceof BooleanValue;
            };
        }

        private static BigInteger integral(Object input) {
            if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
                return BigInteger.valueOf(((Number) input).longValue());
            }
            if (input instanceof BigInteger b) {
                return b;
            }
            if (input instanceof BigDecimal d) {
                return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger() : null;
            }
            if (input instanceof Double || input instanceof Float) {
                double v = ((Number) input).doubleValue();
                return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 9.0e15 ? BigInteger.valueOf((long) v) : null;
            }
            return null;
        }

        private static boolean within(BigInteger value, BigInteger min, BigInteger max) {
            return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    /**
     * Before the operation runs: the raw variables and the literal arguments are of their declared types,
     * strictly (SmallRye's scalars would coerce {@code "10"} to 10). Then, per field: the coerced arguments of
     * every field that has any follow {@link InputRules}, before its resolver runs.
     */
    static final class ArgumentRules extends SimplePerformantInstrumentation implements Instrumentations.ArgumentsOnly {
        /** Documents whose depth and literals were checked (SmallRye caches parsed documents, so they repeat). */
        private final Map<Document, Boolean> checkedDocuments = Collections.synchronizedMap(new WeakHashMap<>());
        private final int maxDepth;

        ArgumentRules(int maxDepth) {
            this.maxDepth = maxDepth;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            ExecutionContext context = parameters.getExecutionContext();
            GraphQLSchema schema = context.getGraphQLSchema();
            Map<String, Object> raw = context.getExecutionInput().getRawVariables().toMap();
            for (VariableDefinition variable : context.getOperationDefinition().getVariableDefinitions()) {
                checkVariable(schema, variable.getType(), raw.get(variable.getName()), variable.getName());
            }
            Document document = context.getDocument();
            if (!checkedDocuments.containsKey(document)) {
                if (DocumentDepth.of(document) > maxDepth) {
                    throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                            .message(Messages.get("error.graphql.tooDeep", maxDepth))
                            .errorType(graphql.ErrorType.ValidationError).extensions(Map.of("code", "VALIDATION")).build()));
                }
                new LiteralWalk(schema, document).run();
                checkedDocuments.put(document, Boolean.TRUE);
            }
            return null;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            GraphQLFieldDefinition field = parameters.getField();
            if (field.getArguments().isEmpty()) {
                return fetcher;
            }
            return environment -> {
                check(field.getArguments(), environment.getArguments());
                return fetcher.get(environment);
            };
        }
    }

    private static AbortExecutionException wrongType(String path, Kind kind) {
        String message = Messages.get("error.input.wrongType", path,
                Messages.get("error.input.type." + kind.name().toLowerCase(Locale.ROOT)));
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "VALIDATION");
        extensions.put("field", path);
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message)
                .errorType(graphql.ErrorType.ValidationError).extensions(extensions).build()));
    }

    private static void checkVariable(GraphQLSchema schema, Type<?> type, Object value, String path) {
        if (value == null) {
            return;
        }
        if (type instanceof NonNullType nonNull) {
            checkVariable(schema, nonNull.getType(), value, path);
        } else if (type instanceof ListType list) {
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    checkVariable(schema, list.getType(), items.get(i), path + "[" + i + "]");
                }
            } else {
                checkVariable(schema, list.getType(), value, path); // a single value stands for a list of one
            }
        } else if (type instanceof TypeName name) {
            checkValue(schema.getType(name.getName()), value, path);
        }
    }

    private static void checkValue(GraphQLType type, Object value, String path) {
        if (value == null || type == null) {
            return;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            checkValue(nonNull.getWrappedType(), value, path);
        } else if (type instanceof GraphQLList list) {
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    checkValue(list.getWrappedType(), items.get(i), path + "[" + i + "]");
                }
            } else {
                checkValue(list.getWrappedType(), value, path);
            }
        } else if (type instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> entry : fields.entrySet()) {
                GraphQLInputObjectField field = object.getField(String.valueOf(entry.getKey()));
                if (field != null) {
                    checkValue(field.getType(), entry.getValue(), path + "." + field.getName());
                }
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            Kind kind = Kind.of(scalar.getName());
            if (kind != null && !kind.acceptsValue(value)) {
                throw wrongType(path, kind);
            }
        }
    }

    /** The literal arguments of every operation and fragment of a document, against the schema's types. */
    private static final class LiteralWalk {
        private final GraphQLSchema schema;
        private final Document document;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Set<String> visited = new HashSet<>();

        LiteralWalk(GraphQLSchema schema, Document document) {
            this.schema = schema;
            this.document = document;
            for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }

        void run() {
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                GraphQLObjectType root = switch (operation.getOperation()) {
                    case QUERY -> schema.getQueryType();
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                };
                walk(operation.getSelectionSet(), root);
            }
        }

        private void walk(SelectionSet selections, GraphQLType parent) {
            if (selections == null || parent == null) {
                return;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof graphql.language.Field field) {
                    if (!(parent instanceof GraphQLFieldsContainer container)) {
                        continue;
                    }
                    GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                    if (definition == null) {
                        continue; // __typename, or a field graphql-java's validation refuses
                    }
                    for (Argument argument : field.getArguments()) {
                        GraphQLArgument declared = definition.getArgument(argument.getName());
                        if (declared != null) {
                            checkLiteral(declared.getType(), argument.getValue(), argument.getName());
                        }
                    }
                    walk(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
                } else if (selection instanceof InlineFragment inline) {
                    walk(inline.getSelectionSet(), inline.getTypeCondition() == null ? parent
                            : schema.getType(inline.getTypeCondition().getName()));
                } else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        walk(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
                    }
                }
            }
        }

        private void checkLiteral(GraphQLType type, Value<?> value, String path) {
            if (value == null || value instanceof VariableReference || value instanceof NullValue) {
                return;
            }
            if (type instanceof GraphQLNonNull nonNull) {
                checkLiteral(nonNull.getWrappedType(), value, path);
            } else if (type instanceof GraphQLList list) {
                if (value instanceof ArrayValue array) {
                    for (int i = 0; i < array.getValues().size(); i++) {
                        checkLiteral(list.getWrappedType(), array.getValues().get(i), path + "[" + i + "]");
                    }
                } else {
                    checkLiteral(list.getWrappedType(), value, path);
                }
            } else if (type instanceof GraphQLInputObjectType object && value instanceof ObjectValue fields) {
                for (ObjectField field : fields.getObjectFields()) {
                    GraphQLInputObjectField declared = object.getField(field.getName());
                    if (declared != null) {
                        checkLiteral(declared.getType(), field.getValue(), path + "." + field.getName());
                    }
                }
            } else if (type instanceof GraphQLScalarType scalar) {
                Kind kind = Kind.of(scalar.getName());
                if (kind != null && !kind.acceptsLiteral(value)) {
                    throw wrongType(path, kind);
                }
            }
        }
    }

    static void check(List<GraphQLArgument> arguments, Map<String, Object> values) {
        for (GraphQLArgument argument : arguments) {
            Object value = values.get(argument.getName());
            if (value != null) {
                check(argument.getType(), value, argument.getName());
            }
        }
    }

    private static void check(GraphQLType type, Object value, String path) {
        if (value == null) {
            return;
        }
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list) {
            if (value instanceof Iterable<?> items) {
                int i = 0;
                for (Object item : items) {
                    // no input list here holds null; the schema says so only where the list itself is required
                    // (SmallRye would make an optional list required to mark its items non-null)
                    if (item == null) {
                        throw new ValidationException(path + "[" + i + "]", "error.input.nullItem");
                    }
                    check(list.getWrappedType(), item, path + "[" + i++ + "]");
                }
            }
        } else if (unwrapped instanceof GraphQLInputObjectType object) {
            if (value instanceof Map<?, ?> fields) {
                for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                    check(field.getType(), fields.get(field.getName()), path + "." + field.getName());
                }
            }
        } else if (unwrapped instanceof GraphQLScalarType scalar) {
            String problem = null;
            if (DATES.contains(scalar.getName())) {
                problem = InputRules.dateProblem(value);
            } else if (value instanceof String text) {
                problem = InputRules.textProblem(text, isFile(path) ? InputRules.MAX_FILE_LENGTH : InputRules.MAX_TEXT_LENGTH);
            }
            if (problem != null) {
                throw new ValidationException(path, problem, String.valueOf(isFile(path) ? InputRules.MAX_FILE_LENGTH
                        : InputRules.MAX_TEXT_LENGTH),
                        String.valueOf(InputRules.MIN_YEAR), String.valueOf(InputRules.MAX_YEAR));
            }
        }
    }

    /** The imports' {@code input.csv}: a whole file, with its own limit. */
    private static boolean isFile(String path) {
        return path.equals("input.csv");
    }
}
