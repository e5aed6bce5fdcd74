package cn.linli.procurement;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.procurement.ProcurementViews.Procurement;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The published OCDS releases, table {@code ocds_release}: written in the transaction of every change they
 * publish (tender, award, contract, amendment, milestone and payment), never changed afterwards (the database
 * refuses UPDATE, DELETE and TRUNCATE), read by {@link OcdsResource}. A release is a full snapshot of the
 * procurement then ({@link OcdsSnapshot}); a record's compiledRelease merges them by the OCDS rules
 * ({@link #compile}).
 *
 * <p>Release ids are {@code ocid-1}, {@code ocid-2} … The procurement row is locked while one is written (so the
 * sequence of a process has no gap or duplicate), and so is a transaction-scoped advisory lock for all releases
 * until commit: releases therefore commit in the order of their {@code published_at}, and a reader of
 * {@code /ocds/releases?since=} that goes on from the last date it saw misses none.
 */
@ApplicationScoped
public class OcdsReleases {
    private static final Logger LOG = Logger.getLogger(OcdsReleases.class);

    @Inject
    Sql sql;
    @Inject
    ProcurementReads reads;
    @Inject
    OcdsSnapshot snapshot;
    @Inject
    ObjectMapper json;

    /** A release as stored: its text exactly as published. */
    public record Stored(String ocid, int sequence, String releaseId, String json, OffsetDateTime publishedAt) {
    }

    /**
     * Publishes a release of the procurement as it stands in this transaction, with these tags; nothing while it
     * is PLANNING (not public yet). Returns the release id, or empty.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> publish(long procurementId, List<String> tag) {
        sql.rows("SELECT id FROM procurement WHERE id = :id FOR UPDATE", Map.of("id", procurementId));
        Procurement procurement = reads.procurement(procurementId).orElseThrow();
        if (procurement.status() == ProcurementStatus.PLANNING) {
            return Optional.empty();
        }
        return Optional.of(write(procurement, tag, null));
    }

    /** Publishes a release of each procurement (locked in id order first, the order every writer locks them in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishEach(List<Long> procurementIds, List<String> tag) {
        List<Long> ids = procurementIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        sql.rows("SELECT id FROM procurement WHERE id IN (:ids) ORDER BY id FOR UPDATE", Map.of("ids", ids));
        for (long id : ids) {
            publish(id, tag);
        }
    }

    private String write(Procurement procurement, List<String> tag, OffsetDateTime dated) {
        // all release writers queue here until commit: published_at order is commit order
        sql.rows("SELECT CAST(pg_advisory_xact_lock(hashtextextended('ocds_release', 0)) AS text) AS locked", Map.of());
        Row next = sql.rows("SELECT coalesce(max(sequence), 0) + 1 AS sequence, clock_timestamp() AS now FROM ocds_release "
                + "WHERE ocid = :ocid", Map.of("ocid", procurement.ocid())).get(0);
        int sequence = next.intValue("sequence");
        OffsetDateTime publishedAt = next.dateTime("now");
        String releaseId = procurement.ocid() + "-" + sequence;
        OffsetDateTime date = dated == null ? publishedAt : dated;
        String text = toJson(snapshot.release(procurement, releaseId, date, tag));
        sql.update("INSERT INTO ocds_release (ocid, sequence, release_id, release, published_at) VALUES (:ocid, :sequence, "
                + ":releaseId, CAST(:release AS json), :publishedAt)", Map.of("ocid", procurement.ocid(), "sequence", sequence,
                "releaseId", releaseId, "release", text, "publishedAt", publishedAt));
        return releaseId;
    }

    /**
     * Procurements that were public before releases were kept (or that a loader wrote by SQL) get a first release
     * of their state then, dated when they last changed. Safe on several instances at once. Returns how many.
     */
    public int publishMissing() {
        int published = 0;
        List<Row> missing = QuarkusTransaction.requiringNew().call(() -> sql.rows("SELECT p.id FROM procurement p "
                + "WHERE p.status <> 'PLANNING' AND NOT EXISTS (SELECT 1 FROM ocds_release r WHERE r.ocid = p.ocid) ORDER BY p.id"));
        for (Row row : missing) {
            long id = row.longValue("id");
            published += QuarkusTransaction.requiringNew().call(() -> {
                sql.rows("SELECT id FROM procurement WHERE id = :id FOR UPDATE", Map.of("id", id));
                Procurement procurement = reads.procurement(id).orElseThrow();
                if (!sql.rows("SELECT 1 FROM ocds_release WHERE ocid = :ocid", Map.of("ocid", procurement.ocid())).isEmpty()) {
                    return 0; // another instance was first
                }
                write(procurement, snapshot.stateTags(procurement), procurement.updatedAt());
                return 1;
            });
        }
        return published;
    }

    /** At start-up, after the demo loader (priority 100): the first releases of what is public without one. */
    void onStart(@Observes @Priority(200) StartupEvent event) {
        try {
            int published = publishMissing();
            if (published > 0) {
                LOG.infof("Published the first OCDS release of %d procurements", published);
            }
        } catch (RuntimeException e) {
            // a database that is not there yet must not stop the service; the next start publishes them
            LOG.warnf("Could not publish the first OCDS releases of older procurements: %s", e.getMessage());
        }
    }

    /** The releases of a process, oldest first. */
    public List<Stored> ofProcess(String ocid) {
        return sql.rows("SELECT ocid, sequence, release_id, CAST(release AS text) AS release, published_at FROM ocds_release "
                + "WHERE ocid = :ocid ORDER BY sequence", Map.of("ocid", ocid)).stream().map(OcdsReleases::stored).toList();
    }

    /** Releases published at or after {@code since}, in publication order: {@code limit} of them from {@code offset}. */
    public List<Stored> since(OffsetDateTime since, int offset, int limit) {
        return sql.rows("SELECT ocid, sequence, release_id, CAST(release AS text) AS release, published_at FROM ocds_release "
                + "WHERE published_at >= :since ORDER BY published_at, id OFFSET :offset LIMIT :limit",
                Map.of("since", since, "offset", offset, "limit", limit)).stream().map(OcdsReleases::stored).toList();
    }

    private static Stored stored(Row row) {
        return new Stored(row.string("ocid"), row.intValue("sequence"), row.string("release_id"), row.string("release"),
                row.dateTime("published_at"));
    }

    /**
     * The compiled release of a process's releases (oldest first), by the OCDS merge rules: a field's latest value
     * wins; objects merge field by field; an array of objects that all have an {@code id} merges item by item by
     * id (new ids are appended); any other array is replaced whole; null removes a field. The release's own
     * {@code id}, {@code date} and {@code tag} are not merged: the compiled release's are {@code ocid-latestDate},
     * the latest date and {@code compiled}.
     */
    public ObjectNode compile(List<JsonNode> releases) {
        List<JsonNode> byDate = new ArrayList<>(releases);
        byDate.sort(Comparator.comparing(release -> OffsetDateTime.parse(release.get("date").asText()).toInstant()));
        ObjectNode compiled = JsonNodeFactory.instance.objectNode();
        String latestDate = null;
        for (JsonNode release : byDate) {
            ObjectNode fields = release.deepCopy();
            fields.remove(List.of("id", "date", "tag", "publisher", "links"));
            merge(compiled, fields);
            latestDate = release.get("date").asText();
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("ocid", compiled.get("ocid"));
        result.put("id", compiled.path("ocid").asText() + "-" + latestDate);
        result.put("date", latestDate);
        result.set("tag", JsonNodeFactory.instance.arrayNode().add("compiled"));
        compiled.remove("ocid");
        result.setAll(compiled);
        return result;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = into.get(field.getKey());
            if (value.isNull()) {
                into.remove(field.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isArray() && existing != null && existing.isArray() && identified(value) && identified(existing)) {
                into.set(field.getKey(), mergeById((ArrayNode) existing, (ArrayNode) value));
            } else {
                into.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static ArrayNode mergeById(ArrayNode existing, ArrayNode values) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (JsonNode item : existing) {
            byId.put(item.get("id").asText(), (ObjectNode) item.deepCopy());
        }
        for (JsonNode item : values) {
            ObjectNode current = byId.get(item.get("id").asText());
            if (current == null) {
                byId.put(item.get("id").asText(), (ObjectNode) item.deepCopy());
            } else {
                merge(current, (ObjectNode) item);
            }
        }
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        byId.values().forEach(merged::add);
        return merged;
    }

    /** An array of objects that all have an id (an empty array counts: it merges with anything). */
    private static boolean identified(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject() || !item.hasNonNull("id")) {
                return false;
            }
        }
        return true;
    }

    /** Parses a stored release without changing its numbers (amounts stay exactly as published). */
    public JsonNode parse(String text) {
        try {
            return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(JsonNodeFactory.withExactBigDecimals(true)).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
