package cn.linli.common;

import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLScalarType;
import io.smallrye.graphql.scalar.GraphQLScalarTypes;
import io.smallrye.graphql.spi.EventingService;
import java.util.HashMap;
import java.util.Map;

/**
 * What the custom scalars accept and return, in the schema clients read (the file, introspection, GraphiQL), with
 * {@code @specifiedBy} where a specification exists. SmallRye describes its scalars only as "Scalar for DateTime";
 * its scalar types are replaced, before the schema is built, by copies that differ in description and
 * specification URL only (parsing and serializing stay SmallRye's). An {@link EventingService} because SmallRye
 * creates those before it builds any type.
 */
public class ScalarDocumentation implements EventingService {
    record Documentation(String description, String specifiedBy) {
    }

    static final Map<String, Documentation> SCALARS = Map.of(
            "DateTime", new Documentation("A point in time as an RFC 3339 date-time with its offset, e.g. "
                    + "2026-12-03T09:30:00+08:00. The service answers in China Standard Time (+08:00); an input may "
                    + "carry any offset. Years 1900–2199.", "https://www.rfc-editor.org/rfc/rfc3339"),
            "Date", new Documentation("A calendar day as ISO 8601 yyyy-MM-dd, e.g. 2026-12-03; days are those of China "
                    + "Standard Time. Years 1900–2199.", "https://www.iso.org/iso-8601-date-and-time-format.html"),
            "Time", new Documentation("A time of day as ISO 8601 HH:mm or HH:mm:ss (24-hour), e.g. 08:30, in China "
                    + "Standard Time.", "https://www.iso.org/iso-8601-date-and-time-format.html"),
            "BigInteger", new Documentation("An integer, always a JSON number (never a string; a string is refused "
                    + "as input). Money is an integer of fen (分, 0.01 yuan) of this type: amounts stay at or below "
                    + "10^14 fen, within 2^53, so a JavaScript number holds every one exactly; counts use it too.",
                    null),
            "BigDecimal", new Documentation("A decimal number, always a JSON number, e.g. 4.5.", null));

    public ScalarDocumentation() {
        describe();
    }

    /** Replaces SmallRye's scalars (for every Java class mapped to one) by described copies; idempotent. */
    static synchronized void describe() {
        Map<String, GraphQLScalarType> described = new HashMap<>(); // one instance per name: the schema requires it
        for (Map.Entry<String, GraphQLScalarType> entry : Map.copyOf(GraphQLScalarTypes.getScalarMap()).entrySet()) {
            GraphQLScalarType scalar = entry.getValue();
            Documentation documentation = SCALARS.get(scalar.getName());
            if (documentation != null && !documentation.description().equals(scalar.getDescription())) {
                GraphQLScalarType copy = described.computeIfAbsent(scalar.getName(), name -> scalar.transform(builder -> {
                    builder.description(documentation.description()).specifiedByUrl(documentation.specifiedBy());
                    if (documentation.specifiedBy() != null) { // printed in the schema file as @specifiedBy(url: …)
                        builder.withAppliedDirective(GraphQLAppliedDirective.newDirective().name("specifiedBy")
                                .argument(GraphQLAppliedDirectiveArgument.newArgument().name("url").type(Scalars.GraphQLString)
                                        .valueProgrammatic(documentation.specifiedBy())));
                    }
                }));
                GraphQLScalarTypes.registerCustomScalar(scalar.getName(), entry.getKey(), copy);
            }
        }
    }

    @Override
    public String getConfigKey() {
        return null; // always on: documentation is not a feature to switch
    }
}
