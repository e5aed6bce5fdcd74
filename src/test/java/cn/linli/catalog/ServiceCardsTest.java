package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page that selects only what a list shows reads the card columns (ServiceQueries.CARD_SELECT), and answers every
 * field a card answers exactly as the full row does: each page is asked once with every card field and once with
 * the same fields and the description (which needs the full row), and the two must hold the same values.
 */
@QuarkusTest
class ServiceCardsTest {
    /**
     * Every field a card answers, made from the lists ServiceQueries and OrganizationQueries decide by, so a field
     * added to them is compared too; the category's fields (all of them, a card reads the whole category) by hand.
     */
    static final String EVERY_CARD_FIELD = everyCardField();

    static String everyCardField() {
        Map<String, List<String>> children = new java.util.TreeMap<>();
        for (String path : ServiceQueries.CARD_FIELDS) {
            String[] parts = path.split("\\.");
            assertTrue(parts.length <= 2, "a card field two levels down: build its selection here too (" + path + ")");
            children.computeIfAbsent(parts[0], p -> new ArrayList<>());
            if (parts.length == 2) {
                children.get(parts[0]).add(parts[1]);
            }
        }
        children.put("category", List.of("code", "name", "nameZh", "nameEn", "parent { code name }"));
        children.put("organization", new ArrayList<>(new java.util.TreeSet<>(cn.linli.organization.OrganizationQueries.CARD_FIELDS)));
        StringBuilder selection = new StringBuilder();
        children.forEach((field, below) -> selection.append(field)
                .append(below.isEmpty() ? "" : " { " + String.join(" ", below) + " }").append(' '));
        return selection.toString().trim();
    }

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void world() {
        fixtures.searchWorld();
    }

    static String page(String node) {
        return "query($filter: ServiceFilter, $near: NearInput, $orderBy: ServiceOrder, $first: Int, $after: String) {"
                + " services(filter: $filter, near: $near, orderBy: $orderBy, first: $first, after: $after) {"
                + " edges { cursor node { " + node + " } } pageInfo { hasNextPage endCursor } } }";
    }

    @Test
    void cardsAnswerAsTheFullRowDoes() {
        List<Map<String, Object>> searches = List.of(
                Map.of("near", Map.of("lat", ServiceSearchTest.LAT, "lng", ServiceSearchTest.LNG, "radiusMeters", 5000), "first", 20),
                Map.of("orderBy", "NEWEST", "first", 40),
                Map.of("orderBy", "RATING", "first", 40),
                Map.of("filter", Map.of("keyword", "助餐"), "first", 20),
                Map.of("filter", Map.of("governmentFunded", true), "first", 20));
        int funded = 0;
        for (Map<String, Object> variables : searches) {
            for (GraphQL caller : List.of(GraphQL.anonymous(), GraphQL.anonymous().inEnglish())) {
                List<String> cardStatements = new ArrayList<>();
                Map<String, Object> cards = statementsOf(cardStatements,
                        () -> caller.data(page(EVERY_CARD_FIELD), variables).getMap("services"));
                List<String> fullStatements = new ArrayList<>();
                Map<String, Object> full = statementsOf(fullStatements,
                        () -> caller.data(page(EVERY_CARD_FIELD + " description"), variables).getMap("services"));
                assertTrue(cardStatements.stream().anyMatch(s -> s.contains("FROM service_listing l")
                        && !s.contains("l.description AS") && !s.contains("o.credit_code")), "the card statement: " + cardStatements);
                assertTrue(fullStatements.stream().anyMatch(s -> s.contains("o.credit_code")), "the full statement: " + fullStatements);
                List<Map<String, Object>> edges = edges(full);
                assertFalse(edges.isEmpty(), variables.toString());
                for (Map<String, Object> edge : edges) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> node = (Map<String, Object>) edge.get("node");
                    assertTrue(node.remove("description") != null);
                    funded += Boolean.TRUE.equals(node.get("governmentFunded")) ? 1 : 0;
                }
                assertEquals(full, cards, variables.toString());
            }
        }
        assertTrue(funded > 0, "some pages hold funded services (their funding is read from the card too)");
        // the page after: cursors of a card page lead where those of a full page do
        Map<String, Object> first = GraphQL.anonymous().data(page("id"), Map.of("orderBy", "NEWEST", "first", 3)).getMap("services");
        @SuppressWarnings("unchecked")
        String after = ((Map<String, String>) first.get("pageInfo")).get("endCursor");
        Map<String, Object> next = new HashMap<>(Map.of("orderBy", "NEWEST", "first", 3, "after", after));
        assertEquals(ids(GraphQL.anonymous().data(page("id description"), next).getMap("services")),
                ids(GraphQL.anonymous().data(page("id"), next).getMap("services")));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> edges(Map<String, Object> services) {
        return (List<Map<String, Object>>) services.get("edges");
    }

    @SuppressWarnings("unchecked")
    static List<Object> ids(Map<String, Object> services) {
        return edges(services).stream().map(e -> ((Map<String, Object>) e.get("node")).get("id")).toList();
    }

    /** What the work returns; the statements the service logged meanwhile (category cn.linli.sql) into {@code texts}. */
    static <T> T statementsOf(List<String> texts, Supplier<T> work) {
        Logger log = Logger.getLogger("cn.linli.sql");
        Level level = log.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (texts) {
                    texts.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.setLevel(Level.FINE);
        log.addHandler(capture);
        try {
            return work.get();
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
    }
}
