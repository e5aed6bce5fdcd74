package cn.linli.procurement;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official OCDS 1.1 JSON schemas (draft 4), carried in src/test/resources/ocds-schema: the standard's URLs map
 * there, so validating fetches nothing. Formats are asserted (a date-time without seconds is an error).
 */
public final class OcdsSchemas {
    static final String BASE = "https://standard.open-contracting.org/schema/1__1__5/";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:ocds-schema/")));
    // no preloading: a record's versionedRelease (which Linli never publishes) refers to a schema not carried here
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .preloadJsonSchema(false).build();
    public static final JsonSchema RELEASE = schema("release-schema.json");
    public static final JsonSchema RELEASE_PACKAGE = schema("release-package-schema.json");
    public static final JsonSchema RECORD_PACKAGE = schema("record-package-schema.json");

    private OcdsSchemas() {
    }

    private static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + file), CONFIG);
    }

    /** The schema errors of a document, each as "location: message". */
    public static List<String> errors(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static List<String> errors(JsonSchema schema, String text) {
        return errors(schema, parse(text));
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
