package cn.linli.identity;

import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization rules beyond roles, one method per rule: membership of an organization and an official's
 * jurisdiction (a region's whole subtree). Each throws UNAUTHENTICATED without a token and FORBIDDEN when
 * the caller may not act, and returns the role the caller acts in (for the audit trail).
 */
@RequestScoped
public class Access {
    @Inject
    Caller caller;
    @Inject
    Sql sql;

    /** The region code an official governs (active appointment), if any. */
    public Optional<Jurisdiction> jurisdiction() {
        if (!caller.hasRole(Caller.OFFICIAL)) {
            return Optional.empty();
        }
        return sql.rows("SELECT r.code, a.unit_name FROM official_appointment a "
                        + "JOIN region r ON r.id = a.region_id WHERE a.subject = :subject AND a.revoked_at IS NULL",
                Map.of("subject", caller.subject())).stream()
                .map(row -> new Jurisdiction(row.string("code"), row.string("unit_name"))).findFirst();
    }

    /** The caller's role in an organization, if a member. */
    public Optional<MemberRole> membership(long organizationId) {
        if (!caller.isAuthenticated()) {
            return Optional.empty();
        }
        return sql.rows("SELECT role FROM organization_member WHERE organization_id = :org AND subject = :subject",
                Map.of("org", organizationId, "subject", caller.subject())).stream()
                .map(row -> MemberRole.valueOf(row.string("role"))).findFirst();
    }

    /** Any member (OWNER or STAFF) of the organization, holding role org_staff. */
    public String requireMember(long organizationId) {
        String role = caller.requireRole(Caller.ORG_STAFF);
        if (membership(organizationId).isEmpty()) {
            throw new ForbiddenException("error.notMember");
        }
        return role;
    }

    /** An OWNER of the organization, holding role org_staff. */
    public String requireOwner(long organizationId) {
        String role = caller.requireRole(Caller.ORG_STAFF);
        if (membership(organizationId).orElse(null) != MemberRole.OWNER) {
            throw new ForbiddenException("error.notOwner");
        }
        return role;
    }

    /** An official whose jurisdiction contains the region (by id). */
    public String requireOfficialOver(long regionId) {
        String role = caller.requireRole(Caller.OFFICIAL);
        if (!governs(regionId)) {
            throw new ForbiddenException("error.outsideJurisdiction");
        }
        return role;
    }

    /** Whether the caller is an official whose jurisdiction contains the region. */
    public boolean governs(long regionId) {
        Optional<Jurisdiction> jurisdiction = jurisdiction();
        if (jurisdiction.isEmpty()) {
            return false;
        }
        List<Row> rows = sql.rows("SELECT 1 FROM region WHERE id = :id AND path @> ARRAY[CAST(:code AS text)]",
                Map.of("id", regionId, "code", jurisdiction.get().regionCode()));
        return !rows.isEmpty();
    }

    /**
     * Whether the caller is a community worker appointed (and not revoked) to a region that holds this one: a
     * worker of a community serves its grids too.
     */
    public boolean servesAsCommunityWorker(long regionId) {
        if (!caller.hasRole(Caller.COMMUNITY_WORKER)) {
            return false;
        }
        return !sql.rows("SELECT 1 FROM community_worker_appointment a JOIN region w ON w.id = a.region_id "
                + "JOIN region r ON r.id = :id WHERE a.subject = :subject AND a.revoked_at IS NULL AND r.path @> ARRAY[CAST(w.code AS text)]",
                Map.of("id", regionId, "subject", caller.subject())).isEmpty();
    }

    /** A community worker appointed to a region holding this one. */
    public String requireCommunityWorkerOver(long regionId) {
        String role = caller.requireRole(Caller.COMMUNITY_WORKER);
        if (!servesAsCommunityWorker(regionId)) {
            throw new ForbiddenException("error.outsideCommunity");
        }
        return role;
    }

    public String requireAdmin() {
        return caller.requireRole(Caller.ADMIN);
    }

    /** An official's jurisdiction: the region (and its subtree) and the government unit acted for. */
    public record Jurisdiction(String regionCode, String unitName) {
    }
}
