package cn.linli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * graphql/schema.graphql as a client's tool reads it, without the service: it parses, builds into a schema on its
 * own (every type it names is declared there, custom scalars included), and every operation of
 * graphql/operations/ validates against it. A plain unit test with graphql-java's parser and validator.
 */
class SchemaFileTest {
    static GraphQLSchema schemaFile() throws IOException {
        TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(Path.of("graphql/schema.graphql"), StandardCharsets.UTF_8));
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    @Test
    void theSchemaFileBuildsOnItsOwnWithItsScalarsDeclared() throws IOException {
        GraphQLSchema schema = schemaFile();
        for (String scalar : List.of("DateTime", "Date", "Time")) {
            assertTrue(schema.getType(scalar) != null, scalar + " is declared");
        }
        assertTrue(schema.getQueryType().getFieldDefinition("services") != null);
    }

    @Test
    void everyShippedOperationValidatesAgainstTheSchemaFile() throws IOException {
        GraphQLSchema schema = schemaFile();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("graphql/operations"))) {
            files = list.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "the shipped operations");
        for (Path file : files) {
            Document document = Parser.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertEquals(List.of(), errors, file.getFileName().toString());
        }
    }
}
