package cn.linli.common;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How deeply a document's operations nest fields, fragments expanded: {@code { a { b } }} is 2 deep. Each
 * fragment's depth is computed once, so a fragment bomb costs one walk per fragment. The bound on it is checked
 * once per parsed document, for every transport (HTTP and websocket) in {@link GraphQLInputs}; graphql-java's
 * own depth instrumentation, which walked the document again on every request, is not installed.
 */
final class DocumentDepth {
    /** A fragment that spreads itself: graphql-java's validation refuses the document; never expand it. */
    static final int CYCLE = Integer.MAX_VALUE / 2;

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Integer> known = new HashMap<>();
    private final Set<String> open = new HashSet<>();

    private DocumentDepth(Document document) {
        this.fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
    }

    /** The deepest of the document's operations. */
    static int of(Document document) {
        DocumentDepth walk = new DocumentDepth(document);
        int deepest = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            deepest = Math.max(deepest, walk.depth(operation.getSelectionSet()));
        }
        return deepest;
    }

    private int depth(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int deepest = 0;
        for (Selection<?> selection : selections.getSelections()) {
            int depth = 0;
            if (selection instanceof Field field) {
                depth = Math.min(CYCLE, 1 + depth(field.getSelectionSet()));
            } else if (selection instanceof InlineFragment inline) {
                depth = depth(inline.getSelectionSet());
            } else if (selection instanceof FragmentSpread spread) {
                depth = fragment(spread.getName());
            }
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }

    private int fragment(String name) {
        Integer size = known.get(name);
        if (size != null) {
            return size;
        }
        FragmentDefinition fragment = fragments.get(name);
        if (fragment == null) {
            return 0; // graphql-java refuses an unknown fragment
        }
        if (!open.add(name)) {
            return CYCLE;
        }
        int computed = depth(fragment.getSelectionSet());
        open.remove(name);
        known.put(name, computed);
        return computed;
    }
}
