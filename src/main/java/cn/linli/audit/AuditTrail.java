package cn.linli.audit;

import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Ids;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.identity.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the audit trail: admin sees all; an official the entries of their region's subtree; an organization's
 * OWNER that organization's. Residents' subjects are personal data that organizations never see: an entry made
 * in the resident role shows its actor as a stable pseudonym ({@link AuditPseudonyms}) unless the reader is an
 * admin or an official whose jurisdiction holds the entry. Staff's and officials' subjects stay as they are.
 */
@ApplicationScoped
public class AuditTrail {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("audit", List.of(new Key("a.id", "bigint")), true);
    static final String RESIDENT = Caller.RESIDENT;

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    AuditPseudonyms pseudonyms;

    public AuditApi.AuditConnection read(AuditApi.AuditFilter filter, Integer first, String after) {
        caller.requireAuthenticated();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        boolean admin = caller.hasRole(Caller.ADMIN);
        String seesResidents = admin ? "true" : "false";
        if (!admin) {
            List<String> scopes = new ArrayList<>();
            Optional<Access.Jurisdiction> jurisdiction = access.jurisdiction();
            if (jurisdiction.isPresent()) {
                scopes.add("a.region_path @> ARRAY[CAST(:jurisdiction AS text)]");
                params.put("jurisdiction", jurisdiction.get().regionCode());
                seesResidents = "(a.region_path @> ARRAY[CAST(:jurisdiction AS text)])";
            }
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
                + "CAST(a.after AS text) AS after, " + seesResidents + " AS sees_resident FROM audit_entry a",
                where, params, after, Paging.pageSize(first));
        return new AuditApi.AuditConnection(page.edges((cursor, row) -> new AuditApi.AuditConnection.AuditEdge(cursor,
                entry(row))), page.pageInfo(after != null), page.totalCount());
    }

    private AuditEntry entry(Row row) {
        String subject = row.string("actor_subject");
        String role = row.string("actor_role");
        String pseudonym = RESIDENT.equals(role) ? pseudonyms.of(subject) : null;
        String shown = pseudonym != null && !row.bool("sees_resident") ? pseudonym : subject;
        return new AuditEntry(row.string("id"), row.dateTime("at"), shown, pseudonym, role,
                row.string("action"), row.string("entity_type"), row.string("entity_id"), row.string("organization_id"),
                row.string("reason"), row.string("before"), row.string("after"));
    }
}
