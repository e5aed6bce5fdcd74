package cn.linli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        // the file says where each scalar's format is specified, as introspection does
        assertEquals("https://www.rfc-editor.org/rfc/rfc3339", ((graphql.schema.GraphQLScalarType) schema.getType("DateTime")).getSpecifiedByUrl());
        assertTrue(((graphql.schema.GraphQLScalarType) schema.getType("Date")).getSpecifiedByUrl().contains("iso-8601"));
    }

    /**
     * The descriptions are the API documentation GraphiQL and generated clients show: every type, field, argument,
     * input field and enum value of the schema file has one that says something (SmallRye's bare "ISO-8601" for a
     * date-time field without a description does not count).
     */
    @Test
    void everyTypeFieldArgumentAndEnumValueIsDescribed() throws IOException {
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : schemaFile().getAllTypesAsList()) {
            String name = type.getName();
            if (name.startsWith("__") || ScalarInfo.isGraphqlSpecifiedScalar(name)) {
                continue;
            }
            check(undescribed, name, type.getDescription());
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    check(undescribed, name + "." + field.getName(), field.getDescription());
                    for (GraphQLArgument argument : field.getArguments()) {
                        check(undescribed, name + "." + field.getName() + "(" + argument.getName() + ")", argument.getDescription());
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    check(undescribed, name + "." + field.getName(), field.getDescription());
                }
            } else if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    check(undescribed, name + "." + value.getName(), value.getDescription());
                }
            }
        }
        assertEquals(List.of(), undescribed, undescribed.size() + " without a description");
    }

    private static void check(List<String> undescribed, String what, String description) {
        if (description == null || description.isBlank() || description.strip().equals("ISO-8601")
                || description.startsWith("Scalar for ")) {
            undescribed.add(what);
        }
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
