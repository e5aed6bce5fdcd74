package cn.linli.audit;

import cn.linli.common.Caller;
import cn.linli.common.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Appends audit entries, in the caller's transaction: an entry exists exactly when its change was committed.
 * Only the fields a change touched are kept, before and after. The table refuses UPDATE and DELETE.
 */
@ApplicationScoped
public class AuditLog {
    @Inject
    Sql sql;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    /** What changed: the entity, and where it sits (organization, region) for who may read the entry. */
    public record Change(String action, String entityType, Object entityId, Long organizationId, Long regionId,
            String reason, Map<String, ?> before, Map<String, ?> after) {
    }

    public void record(String actorRole, Change change) {
        record(caller.subject(), actorRole, change);
    }

    /**
     * Many changes by the caller at once (an import of a register): the same entries as {@link #record} each, written
     * as one JDBC batch.
     */
    public void recordAll(String actorRole, List<Change> changes) {
        String subject = caller.subject();
        sql.batch("INSERT INTO audit_entry (actor_subject, actor_role, action, entity_type, entity_id, organization_id, "
                + "region_path, reason, before, after) VALUES (?, ?, ?, ?, ?, ?, coalesce((SELECT path FROM region WHERE id = ?), "
                + "'{}'), ?, CAST(? AS jsonb), CAST(? AS jsonb))", changes, (statement, change) -> {
                    Map<String, Object> before = new LinkedHashMap<>();
                    Map<String, Object> after = new LinkedHashMap<>();
                    diff(change.before(), change.after(), before, after);
                    statement.setString(1, subject);
                    statement.setString(2, actorRole);
                    statement.setString(3, change.action());
                    statement.setString(4, change.entityType());
                    statement.setString(5, String.valueOf(change.entityId()));
                    statement.setObject(6, change.organizationId(), Types.BIGINT);
                    statement.setObject(7, change.regionId(), Types.BIGINT);
                    statement.setString(8, change.reason());
                    statement.setString(9, change.before() == null ? null : toJson(before));
                    statement.setString(10, change.after() == null ? null : toJson(after));
                });
    }

    /** A change the service made by itself (a scheduled job: a bar that ended, a contract that completed). */
    public void recordBySystem(Change change) {
        record(SYSTEM, SYSTEM, change);
    }

    /** The actor of changes no person made. */
    public static final String SYSTEM = "system";

    private void record(String subject, String actorRole, Change change) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        diff(change.before(), change.after(), before, after);
        Map<String, Object> params = new HashMap<>();
        params.put("subject", subject);
        params.put("role", actorRole);
        params.put("action", change.action());
        params.put("entityType", change.entityType());
        params.put("entityId", String.valueOf(change.entityId()));
        params.put("organizationId", change.organizationId() == null ? -1L : change.organizationId());
        params.put("regionId", change.regionId() == null ? -1L : change.regionId());
        params.put("reason", change.reason() == null ? "" : change.reason());
        params.put("before", toJson(change.before() == null ? null : before));
        params.put("after", toJson(change.after() == null ? null : after));
        sql.update("INSERT INTO audit_entry (actor_subject, actor_role, action, entity_type, entity_id, organization_id, "
                + "region_path, reason, before, after) VALUES (:subject, :role, :action, :entityType, :entityId, "
                + "nullif(:organizationId, -1), coalesce((SELECT path FROM region WHERE id = :regionId), '{}'), "
                + "nullif(:reason, ''), CAST(nullif(:before, '') AS jsonb), CAST(nullif(:after, '') AS jsonb))", params);
    }

    /** Keeps the keys whose values differ (all keys when one side is absent). */
    static void diff(Map<String, ?> before, Map<String, ?> after, Map<String, Object> changedBefore,
            Map<String, Object> changedAfter) {
        if (before == null || after == null) {
            if (before != null) {
                changedBefore.putAll(before);
            }
            if (after != null) {
                changedAfter.putAll(after);
            }
            return;
        }
        for (String key : after.keySet()) {
            if (!Objects.equals(String.valueOf(before.get(key)), String.valueOf(after.get(key)))) {
                changedBefore.put(key, before.get(key));
                changedAfter.put(key, after.get(key));
            }
        }
    }

    private String toJson(Map<String, Object> values) {
        if (values == null) {
            return "";
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit values are plain data", e);
        }
    }
}
