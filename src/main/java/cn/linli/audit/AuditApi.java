package cn.linli.audit;

import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.PageInfo;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.identity.Access;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@ApiErrors
public class AuditApi {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("audit", List.of(new Key("a.id", "bigint")), true);

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;

    @Input("AuditFilter")
    @Description("Which audit entries to list; all given fields must match.")
    public record AuditFilter(@Id String organizationId, String entityType, String action, OffsetDateTime since) {
    }

    @Description("A page of audit entries.")
    public record AuditConnection(@NonNull List<AuditEdge> edges, @NonNull PageInfo pageInfo) {
        @Description("An audit entry and its cursor.")
        public record AuditEdge(@NonNull String cursor, @NonNull AuditEntry node) {
        }
    }

    @Query("auditLog")
    @NonNull
    @Description("The audit trail, newest first: admin sees all; an official the entries of their region's subtree; "
            + "an organization's OWNER that organization's.")
    public AuditConnection auditLog(@Name("filter") AuditFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        caller.requireAuthenticated();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.hasRole(Caller.ADMIN)) {
            List<String> scopes = new ArrayList<>();
            access.jurisdiction().ifPresent(jurisdiction -> {
                scopes.add("a.region_path @> ARRAY[CAST(:jurisdiction AS text)]");
                params.put("jurisdiction", jurisdiction.regionCode());
            });
            if (caller.hasRole(Caller.ORG_STAFF)) {
                scopes.add("a.organization_id IN (SELECT organization_id FROM organization_member "
                        + "WHERE subject = :subject AND role = 'OWNER')");
                params.put("subject", caller.subject());
            }
            if (scopes.isEmpty()) {
                throw new ForbiddenException("error.audit.forbidden");
            }
            where.add("(" + String.join(" OR ", scopes) + ")");
        }
        if (filter != null) {
            if (filter.organizationId() != null) {
                where.add("a.organization_id = :organizationId");
                params.put("organizationId", Ids.parse(filter.organizationId(), "filter.organizationId"));
            }
            if (filter.entityType() != null) {
                where.add("a.entity_type = :entityType");
                params.put("entityType", filter.entityType());
            }
            if (filter.action() != null) {
                where.add("a.action = :action");
                params.put("action", filter.action());
            }
            if (filter.since() != null) {
                where.add("a.at >= :since");
                params.put("since", filter.since());
            }
        }
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, "SELECT a.id, a.at, a.actor_subject, a.actor_role, a.action, "
                + "a.entity_type, a.entity_id, a.organization_id, a.reason, CAST(a.before AS text) AS before, "
                + "CAST(a.after AS text) AS after FROM audit_entry a", where, params, after, Paging.pageSize(first));
        return new AuditConnection(page.edges((cursor, row) -> new AuditConnection.AuditEdge(cursor, entry(row))),
                page.pageInfo(after != null));
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.string("id"), row.dateTime("at"), row.string("actor_subject"), row.string("actor_role"),
                row.string("action"), row.string("entity_type"), row.string("entity_id"), row.string("organization_id"),
                row.string("reason"), row.string("before"), row.string("after"));
    }
}
