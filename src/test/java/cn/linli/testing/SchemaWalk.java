package cn.linli.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The served schema, read by introspection, and what tests need to call every operation in it: the root
 * fields, a variable declaration for each argument, a plausible value for every required input, and the
 * paths of every text and date input at any depth. New operations are covered without a test changing.
 */
public final class SchemaWalk {
    public static final String INTROSPECTION = """
            { __schema { queryType { name } mutationType { name } subscriptionType { name }
                types { kind name enumValues { name } inputFields { name type { ...T } }
                        fields { name args { name type { ...T } } type { ...T } } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
            """;

    private final Map<String, Map<String, Object>> types = new LinkedHashMap<>();
    private final String queryType;
    private final String mutationType;
    private final String subscriptionType;

    @SuppressWarnings("unchecked")
    public SchemaWalk(Map<String, Object> schema) {
        for (Map<String, Object> type : (List<Map<String, Object>>) schema.get("types")) {
            types.put((String) type.get("name"), type);
        }
        queryType = (String) ((Map<String, Object>) schema.get("queryType")).get("name");
        mutationType = (String) ((Map<String, Object>) schema.get("mutationType")).get("name");
        Map<String, Object> subscriptions = (Map<String, Object>) schema.get("subscriptionType");
        subscriptionType = subscriptions == null ? null : (String) subscriptions.get("name");
    }

    public static SchemaWalk ofServedSchema() {
        return new SchemaWalk(GraphQL.anonymous().data(INTROSPECTION).getMap("__schema"));
    }

    /** A field of the schema with its arguments. */
    public record Operation(String kind, String name, List<Map<String, Object>> args, Map<String, Object> type) {
        public boolean isMutation() {
            return kind.equals("mutation");
        }
    }

    /** A text or date input somewhere under an argument: {@code input.beneficiary.name}, its scalar. */
    public record InputPath(List<String> segments, String scalar) {
        public String field() {
            StringBuilder path = new StringBuilder();
            for (String segment : segments) {
                if (!segment.startsWith("[") && path.length() > 0) {
                    path.append('.');
                }
                path.append(segment);
            }
            return path.toString();
        }
    }

    public List<Operation> mutations() {
        return fieldsOf(mutationType, "mutation");
    }

    public List<Operation> queries() {
        return fieldsOf(queryType, "query");
    }

    public List<Operation> subscriptions() {
        return subscriptionType == null ? List.of() : fieldsOf(subscriptionType, "subscription");
    }

    @SuppressWarnings("unchecked")
    public List<Operation> fieldsOf(String typeName, String kind) {
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> type = types.get(typeName);
        if (type == null || type.get("fields") == null) {
            return operations;
        }
        for (Map<String, Object> field : (List<Map<String, Object>>) type.get("fields")) {
            operations.add(new Operation(kind, (String) field.get("name"), (List<Map<String, Object>>) field.get("args"),
                    (Map<String, Object>) field.get("type")));
        }
        return operations;
    }

    /** The named type at the bottom of a type reference. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> named(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t.get("ofType") != null) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    public static String declaration(Map<String, Object> type) {
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> declaration((Map<String, Object>) type.get("ofType")) + "!";
            case "LIST" -> "[" + declaration((Map<String, Object>) type.get("ofType")) + "]";
            default -> (String) type.get("name");
        };
    }

    public static boolean required(Map<String, Object> type) {
        return "NON_NULL".equals(type.get("kind"));
    }

    /** {@code { __typename }} for composite results, nothing for scalars and enums. */
    public static String selection(Map<String, Object> type) {
        String kind = (String) named(type).get("kind");
        return kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION") ? " { __typename }" : "";
    }

    /** The document calling {@code operation} with every argument as a variable of the same name. */
    public static String document(Operation operation) {
        StringBuilder declarations = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        for (Map<String, Object> arg : operation.args()) {
            String name = (String) arg.get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> type = (Map<String, Object>) arg.get("type");
            declarations.append(declarations.length() == 0 ? "" : ", ").append('$').append(name).append(": ").append(declaration(type));
            arguments.append(arguments.length() == 0 ? "" : ", ").append(name).append(": $").append(name);
        }
        return operation.kind() + (declarations.length() == 0 ? "" : "(" + declarations + ")") + " { " + operation.name()
                + (arguments.length() == 0 ? "" : "(" + arguments + ")") + selection(operation.type()) + " }";
    }

    /**
     * A query reaching {@code field} of an object through a root field: {@code rootDeclarations} declares the
     * root's variables (e.g. {@code $root: ID}), {@code rootCall} calls the root field with them (e.g.
     * {@code organization(id: $root)}); the field's own arguments become variables of their own names.
     */
    public static String nestedDocument(String rootDeclarations, String rootCall, Operation field) {
        StringBuilder declarations = new StringBuilder(rootDeclarations);
        StringBuilder arguments = new StringBuilder();
        for (Map<String, Object> arg : field.args()) {
            String name = (String) arg.get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> type = (Map<String, Object>) arg.get("type");
            declarations.append(declarations.length() == 0 ? "" : ", ").append('$').append(name).append(": ").append(declaration(type));
            arguments.append(arguments.length() == 0 ? "" : ", ").append(name).append(": $").append(name);
        }
        return "query" + (declarations.length() == 0 ? "" : "(" + declarations + ")") + " { " + rootCall + " { " + field.name()
                + (arguments.length() == 0 ? "" : "(" + arguments + ")") + selection(field.type()) + " } }";
    }

    /** Values for the required arguments (plausible ones, not necessarily meaningful), the target set to {@code bad}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> variables(Operation operation, InputPath target, Object bad) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map<String, Object> arg : operation.args()) {
            String name = (String) arg.get("name");
            Map<String, Object> type = (Map<String, Object>) arg.get("type");
            if (target != null && target.segments().get(0).equals(name)) {
                variables.put(name, build(type, target.segments().subList(1, target.segments().size()), bad));
            } else if (required(type)) {
                variables.put(name, plausible(type));
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private Object build(Map<String, Object> type, List<String> rest, Object bad) {
        String kind = (String) type.get("kind");
        if (kind.equals("NON_NULL")) {
            return build((Map<String, Object>) type.get("ofType"), rest, bad);
        }
        if (rest.isEmpty()) {
            return bad;
        }
        if (kind.equals("LIST")) {
            return List.of(build((Map<String, Object>) type.get("ofType"), rest.subList(1, rest.size()), bad));
        }
        Map<String, Object> object = (Map<String, Object>) plausible(type);
        Map<String, Object> inputType = types.get((String) type.get("name"));
        for (Map<String, Object> field : (List<Map<String, Object>>) inputType.get("inputFields")) {
            if (field.get("name").equals(rest.get(0))) {
                object.put(rest.get(0), build((Map<String, Object>) field.get("type"), rest.subList(1, rest.size()), bad));
            }
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    public Object plausible(Map<String, Object> type) {
        String kind = (String) type.get("kind");
        switch (kind) {
            case "NON_NULL":
                return plausible((Map<String, Object>) type.get("ofType"));
            case "LIST":
                return new ArrayList<>(List.of(plausible((Map<String, Object>) type.get("ofType"))));
            case "ENUM":
                return ((List<Map<String, Object>>) types.get((String) type.get("name")).get("enumValues")).get(0).get("name");
            case "INPUT_OBJECT": {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Map<String, Object> field : (List<Map<String, Object>>) types.get((String) type.get("name")).get("inputFields")) {
                    Map<String, Object> fieldType = (Map<String, Object>) field.get("type");
                    if (required(fieldType)) {
                        object.put((String) field.get("name"), plausible(fieldType));
                    }
                }
                return object;
            }
            default:
                return switch ((String) type.get("name")) {
                    case "Int", "BigInteger" -> 1;
                    case "Float" -> 1.5;
                    case "Boolean" -> false;
                    case "ID" -> "1";
                    case "Date" -> "2027-01-15";
                    case "DateTime" -> "2027-01-15T10:00:00+08:00";
                    case "Time" -> "10:00:00";
                    default -> "x";
                };
        }
    }

    /** Every String, ID, Date and DateTime position under the operation's arguments, at any depth. */
    @SuppressWarnings("unchecked")
    public List<InputPath> inputs(Operation operation) {
        List<InputPath> paths = new ArrayList<>();
        for (Map<String, Object> arg : operation.args()) {
            collect((Map<String, Object>) arg.get("type"), new ArrayList<>(List.of((String) arg.get("name"))), paths, 0);
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private void collect(Map<String, Object> type, List<String> path, List<InputPath> paths, int depth) {
        String kind = (String) type.get("kind");
        if (kind.equals("NON_NULL")) {
            collect((Map<String, Object>) type.get("ofType"), path, paths, depth);
        } else if (kind.equals("LIST")) {
            List<String> item = new ArrayList<>(path);
            item.add("[0]");
            collect((Map<String, Object>) type.get("ofType"), item, paths, depth);
        } else if (kind.equals("INPUT_OBJECT") && depth < 5) {
            for (Map<String, Object> field : (List<Map<String, Object>>) types.get((String) type.get("name")).get("inputFields")) {
                List<String> child = new ArrayList<>(path);
                child.add((String) field.get("name"));
                collect((Map<String, Object>) field.get("type"), child, paths, depth + 1);
            }
        } else if (kind.equals("SCALAR")) {
            String name = (String) type.get("name");
            if (Objects.equals(name, "String") || Objects.equals(name, "ID") || name.equals("Date") || name.equals("DateTime")) {
                paths.add(new InputPath(List.copyOf(path), name));
            }
        }
    }
}
