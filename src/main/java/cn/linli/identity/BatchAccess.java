package cn.linli.identity;

import cn.linli.common.Caller;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The questions of {@link Access} asked for many parents at once (a page of organizations, the evaluations under
 * them): the same rules, answered with one statement per batch and remembered for the request, so that a page of
 * 100 costs what a page of 10 does. The caller's jurisdiction is read once per request.
 *
 * <p>For what reads show, never for what mutations may do: a mutation asks {@link Access}, which remembers nothing
 * (an appointment revoked earlier in the same request counts there at once).
 */
@RequestScoped
public class BatchAccess {
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;

    private Optional<Access.Jurisdiction> jurisdiction;
    private final Map<Long, Boolean> governs = new HashMap<>();
    private final Map<Long, Boolean> member = new HashMap<>();

    /** The caller's jurisdiction, read once per request. */
    public Optional<Access.Jurisdiction> jurisdiction() {
        if (jurisdiction == null) {
            jurisdiction = access.jurisdiction();
        }
        return jurisdiction;
    }

    /** Whether the caller governs the region (as {@link Access#governs}), remembered per region. */
    public boolean governs(long regionId) {
        return governed(List.of(regionId)).contains(regionId);
    }

    /** The regions among these that the caller governs (as {@link Access#governs}): at most one statement. */
    public Set<Long> governed(Collection<Long> regionIds) {
        Set<Long> unknown = new HashSet<>(regionIds);
        unknown.removeAll(governs.keySet());
        if (!unknown.isEmpty()) {
            Optional<Access.Jurisdiction> of = jurisdiction();
            Set<Long> inside = new HashSet<>();
            if (of.isPresent()) {
                for (Row row : sql.rows("SELECT id FROM region WHERE id IN (:ids) AND path @> ARRAY[CAST(:code AS text)]",
                        Map.of("ids", List.copyOf(unknown), "code", of.get().regionCode()))) {
                    inside.add(row.longValue("id"));
                }
            }
            unknown.forEach(id -> governs.put(id, inside.contains(id)));
        }
        Set<Long> result = new HashSet<>();
        regionIds.forEach(id -> {
            if (governs.get(id)) {
                result.add(id);
            }
        });
        return result;
    }

    /** The organizations among these of which the caller is a member (as {@link Access#membership}): at most one statement. */
    public Set<Long> memberOf(Collection<Long> organizationIds) {
        if (!caller.isAuthenticated()) {
            return Set.of();
        }
        Set<Long> unknown = new HashSet<>(organizationIds);
        unknown.removeAll(member.keySet());
        if (!unknown.isEmpty()) {
            Set<Long> of = new HashSet<>();
            for (Row row : sql.rows("SELECT organization_id FROM organization_member WHERE subject = :subject "
                    + "AND organization_id IN (:ids)", Map.of("subject", caller.subject(), "ids", List.copyOf(unknown)))) {
                of.add(row.longValue("organization_id"));
            }
            unknown.forEach(id -> member.put(id, of.contains(id)));
        }
        Set<Long> result = new HashSet<>();
        organizationIds.forEach(id -> {
            if (member.get(id)) {
                result.add(id);
            }
        });
        return result;
    }
}
