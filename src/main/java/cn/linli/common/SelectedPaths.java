package cn.linli.common;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a request selects below the field being fetched, as dotted paths of field names ({@code edges},
 * {@code edges.node}, {@code edges.node.title}), read from the document itself: through fragments and inline
 * fragments, under aliases by their field names, {@code __typename} left out. A field under {@code @skip} or
 * {@code @include} counts as selected, so the set is never smaller than what the response will hold; callers use it
 * to read less only when everything selected is known to be covered.
 * <p>
 * Read from the document (the field's merged occurrences and the fragments) and not from graphql-java's selection
 * set, which this service hands SmallRye's fetchers empty (see {@link PlainFieldFetchers}); the one place that
 * unwraps SmallRye's context for it.
 */
@ApplicationScoped
public class SelectedPaths {
    @Inject
    Context context;

    /** The paths selected below the field a resolver is answering now. */
    public Set<String> belowCurrentField() {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        return below(environment.getMergedField().getFields(), environment.getFragmentsByName());
    }

    public static Set<String> below(List<Field> fields, Map<String, FragmentDefinition> fragments) {
        Set<String> paths = new LinkedHashSet<>();
        for (Field field : fields) {
            collect(field.getSelectionSet(), "", fragments, paths);
        }
        return paths;
    }

    /** The paths below {@code prefix} (e.g. {@code edges.node}), relative to it. */
    public static Set<String> under(Set<String> paths, String prefix) {
        Set<String> relative = new LinkedHashSet<>();
        String start = prefix + ".";
        for (String path : paths) {
            if (path.startsWith(start)) {
                relative.add(path.substring(start.length()));
            }
        }
        return relative;
    }

    private static void collect(SelectionSet selections, String prefix, Map<String, FragmentDefinition> fragments,
            Set<String> paths) {
        if (selections == null) {
            return;
        }
        // validation has refused fragment cycles, and the request gate bounds the document's depth
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().startsWith("__")) {
                    continue;
                }
                String path = prefix + field.getName();
                paths.add(path);
                collect(field.getSelectionSet(), path + ".", fragments, paths);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), prefix, fragments, paths);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    collect(fragment.getSelectionSet(), prefix, fragments, paths);
                }
            }
        }
    }
}
