package cn.linli.platform;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a query costs to answer, read from the document alone: every field counts 1, and a page of a connection
 * counts its fields once per requested item ({@code first}, else the default page size). So the mini-program's
 * near-me page of 20 costs about 500 and a query asking for 100 × 100 nested items costs what it should.
 */
final class QueryCost {
    static final long UNBOUNDED = Long.MAX_VALUE / 4;
    private static final int DEFAULT_PAGE = cn.linli.common.Paging.DEFAULT_PAGE_SIZE;

    private QueryCost() {
    }

    /** The selected operation of the document: by name, or the only one; empty when that is ambiguous. */
    static Optional<OperationDefinition> operation(Document document, String operationName) {
        var operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst();
    }

    static long of(Document document, OperationDefinition operation, Map<String, Object> variables) {
        return new Walk(document, variables, true).of(operation.getSelectionSet());
    }

    /**
     * How many fields the operation selects once its fragments are expanded (what graphql-java would validate
     * and execute), counted with each fragment's size computed once: a fragment bomb of 2^22 fields costs 22
     * fragment walks here, not 2^22 field visits.
     */
    static long fields(Document document, OperationDefinition operation) {
        return new Walk(document, Map.of(), false).of(operation.getSelectionSet());
    }

    /**
     * The largest expansion in the document: any operation or fragment definition (graphql-java validates all
     * of them, used or not, before it picks the operation to run).
     */
    static long largestExpansion(Document document) {
        Walk walk = new Walk(document, Map.of(), false);
        long largest = 0;
        for (var definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                largest = Math.max(largest, walk.of(operation.getSelectionSet()));
            } else if (definition instanceof FragmentDefinition fragment) {
                largest = Math.max(largest, walk.of(fragment.getSelectionSet()));
            }
        }
        return largest;
    }

    /** The root fields an operation selects, fragments expanded: for a mutation, how many it runs. */
    static long rootFields(Document document, OperationDefinition operation) {
        return new Walk(document, Map.of(), false).roots(operation.getSelectionSet());
    }

    /** One count over a document; fragment sizes memoised, a fragment that spreads itself is unbounded. */
    private static final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final boolean pages;
        private final Map<String, Long> known = new HashMap<>();
        private final Set<String> open = new HashSet<>();

        Walk(Document document, Map<String, Object> variables, boolean pages) {
            this.fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                    .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
            this.variables = variables;
            this.pages = pages;
        }

        long of(SelectionSet selections) {
            if (selections == null) {
                return 0;
            }
            long cost = 0;
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    long children = of(field.getSelectionSet());
                    cost = add(cost, add(1, multiply(pages ? pageSize(field, variables) : 1, children)));
                } else if (selection instanceof InlineFragment inline) {
                    cost = add(cost, of(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    cost = add(cost, fragment(spread.getName(), this::of));
                }
            }
            return cost;
        }

        long roots(SelectionSet selections) {
            long count = 0;
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field) {
                    count = add(count, 1);
                } else if (selection instanceof InlineFragment inline) {
                    count = add(count, roots(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    count = add(count, fragment("roots:" + spread.getName(), s -> roots(s)));
                }
            }
            return count;
        }

        private long fragment(String key, java.util.function.ToLongFunction<SelectionSet> walk) {
            Long size = known.get(key);
            if (size != null) {
                return size;
            }
            String name = key.startsWith("roots:") ? key.substring(6) : key;
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null) {
                return 0; // graphql-java refuses an unknown fragment
            }
            if (!open.add(key)) {
                return UNBOUNDED; // a fragment spreading itself: graphql-java refuses it, never expand it
            }
            long computed = walk.applyAsLong(fragment.getSelectionSet());
            open.remove(key);
            known.put(key, computed);
            return computed;
        }

        private static long add(long a, long b) {
            return Math.min(UNBOUNDED, a + b); // both at most UNBOUNDED = MAX / 4: no overflow
        }

        private static long multiply(long a, long b) {
            return b != 0 && a > UNBOUNDED / b ? UNBOUNDED : Math.min(UNBOUNDED, a * b);
        }
    }

    /** How many items a field returns: its {@code first}, the default page for a connection, else one. */
    private static long pageSize(Field field, Map<String, Object> variables) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first")) {
                if (argument.getValue() instanceof IntValue literal) {
                    return Math.max(1, literal.getValue().min(java.math.BigInteger.valueOf(10_000)).longValue());
                }
                if (argument.getValue() instanceof VariableReference reference
                        && variables != null && variables.get(reference.getName()) instanceof Number n) {
                    return Math.max(1, Math.min(10_000, n.longValue()));
                }
            }
        }
        SelectionSet children = field.getSelectionSet();
        boolean connection = children != null && children.getSelections().stream()
                .anyMatch(s -> s instanceof Field f && (f.getName().equals("edges") || f.getName().equals("nodes")));
        return connection ? DEFAULT_PAGE : 1;
    }
}
