package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors answer in the order of the document whatever order the fields finished in: a plain unit test. */
class ErrorOrderTest {
    static GraphQLError error(String message, int line, int column, Object... path) {
        return GraphqlErrorBuilder.newError().message(message).location(new SourceLocation(line, column))
                .path(ResultPath.fromList(List.of(path))).build();
    }

    @Test
    void byLocationThenPath() {
        GraphQLError second = error("stale", 7, 3, "staleListings");
        GraphQLError first = error("listings", 3, 3, "organizationListings");
        GraphQLError item10 = error("item 10", 3, 20, "services", "edges", 10, "node", "x");
        GraphQLError item2 = error("item 2", 3, 20, "services", "edges", 2, "node", "x");
        GraphQLError parse = GraphqlErrorBuilder.newError().message("no location").build();
        assertEquals(List.of(parse, first, item2, item10, second),
                GraphQLErrorCodes.inDocumentOrder(List.of(second, item10, first, parse, item2)));
        assertEquals(List.of(first, second), GraphQLErrorCodes.inDocumentOrder(List.of(first, second)));
    }
}
