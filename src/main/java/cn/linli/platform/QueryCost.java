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
import java.util.Map;
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
    private static final int MAX_FRAGMENT_DEPTH = 32;

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
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
        return of(operation.getSelectionSet(), fragments, variables, 0);
    }

    private static long of(SelectionSet selections, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
            int depth) {
        if (selections == null) {
            return 0;
        }
        if (depth > MAX_FRAGMENT_DEPTH) {
            return UNBOUNDED; // fragments spreading each other without end: graphql-java refuses it anyway
        }
        long cost = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                long children = of(field.getSelectionSet(), fragments, variables, depth + 1);
                cost += 1 + pageSize(field, variables) * children;
            } else if (selection instanceof InlineFragment inline) {
                cost += of(inline.getSelectionSet(), fragments, variables, depth + 1);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                cost += fragment == null ? 0 : of(fragment.getSelectionSet(), fragments, variables, depth + 1);
            }
            if (cost >= UNBOUNDED) {
                return UNBOUNDED;
            }
        }
        return cost;
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
