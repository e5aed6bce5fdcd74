package cn.linli.common;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Adds {@code extensions.rowErrors: [{line, column, message}]} to an import's VALIDATION error (META-INF/services). */
public class RowErrorsExtension implements ErrorExtensionProvider {
    @Override
    public String getKey() {
        return "rowErrors";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (!(exception instanceof RowErrorsException rows)) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (RowErrorsException.RowError error : rows.errors()) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("line", error.line());
            if (error.column() == null) {
                item.addNull("column");
            } else {
                item.add("column", error.column());
            }
            array.add(item.add("message", error.message()));
        }
        return array.build();
    }
}
