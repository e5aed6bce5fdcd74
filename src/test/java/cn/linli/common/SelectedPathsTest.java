package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The paths selected below a field, from the document: a plain unit test with graphql-java's parser. */
class SelectedPathsTest {
    /** The paths below the operation's first root field. */
    static Set<String> below(String document) {
        Document parsed = Parser.parse(document);
        OperationDefinition operation = parsed.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        Field root = (Field) operation.getSelectionSet().getSelections().get(0);
        return SelectedPaths.below(List.of(root), fragments);
    }

    @Test
    void fieldsByNameThroughAliasesAndFragments() {
        Set<String> paths = below("""
                query { services { edges { cursor n: node { __typename id ...Card ... on Service { price { unit } } } } } }
                fragment Card on Service { title organization { name } }""");
        assertEquals(Set.of("edges", "edges.cursor", "edges.node", "edges.node.id", "edges.node.title",
                "edges.node.organization", "edges.node.organization.name", "edges.node.price", "edges.node.price.unit"), paths);
        assertEquals(Set.of("id", "title", "organization", "organization.name", "price", "price.unit"),
                SelectedPaths.under(paths, "edges.node"));
    }

    @Test
    void aFieldUnderSkipOrIncludeCountsAsSelected() {
        assertEquals(Set.of("id", "description"), SelectedPaths.under(below(
                "query($more: Boolean!) { services { edges { node { id description @include(if: $more) } } } }"), "edges.node"));
    }

    @Test
    void theOccurrencesOfAFieldAreMerged() {
        Document parsed = Parser.parse("{ service(id: 1) { id } service(id: 1) { title } }");
        List<Field> occurrences = parsed.getDefinitionsOfType(OperationDefinition.class).get(0).getSelectionSet()
                .getSelectionsOfType(Field.class);
        assertEquals(Set.of("id", "title"), SelectedPaths.below(occurrences, Map.of()));
    }
}
