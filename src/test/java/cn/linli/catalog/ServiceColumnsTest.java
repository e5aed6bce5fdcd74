package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.linli.catalog.ServiceQueries.Columns;
import cn.linli.common.SelectedPaths;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which columns a page of services reads for a selection: a plain unit test (ServiceCardsTest runs both on PostgreSQL). */
class ServiceColumnsTest {
    static Columns columnsFor(String document) {
        Document parsed = Parser.parse(document);
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        Field services = (Field) parsed.getDefinitionsOfType(OperationDefinition.class).get(0).getSelectionSet()
                .getSelections().get(0);
        return Columns.forSelection(SelectedPaths.under(SelectedPaths.below(List.of(services), fragments), "edges.node"));
    }

    static String page(String node) {
        return "{ services(first: 5) { edges { cursor node { " + node + " } } pageInfo { hasNextPage } } }";
    }

    @Test
    void theMiniProgramsListsReadCards() throws IOException {
        assertEquals(Columns.CARD, columnsFor(Files.readString(Path.of("graphql/operations/NearbyServices.graphql"))));
        assertEquals(Columns.CARD, columnsFor(page("id category { code name parent { code name } } organization { id ratingLevel }")));
        assertEquals(Columns.CARD, columnsFor("{ services { pageInfo { hasNextPage endCursor } } }"));
    }

    @Test
    void anythingElseBelowAServiceReadsEverything() {
        for (String node : List.of("id description", "id location { lat }", "id eligibility { minAge }", "id contactPhone",
                "id region { code }", "id serviceArea { code }", "id weeklyHours { weekday }", "id organization { contactPhone }",
                "id organization { location { lat } }", "id organization { creditCode }", "id version",
                "... on Service { address }")) {
            assertEquals(Columns.ALL, columnsFor(page(node)), node);
        }
    }
}
