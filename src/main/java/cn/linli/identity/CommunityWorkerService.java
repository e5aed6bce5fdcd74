package cn.linli.identity;

import cn.linli.audit.AuditLog;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.Inputs;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.region.Region;
import cn.linli.region.RegionLevel;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Appointments of community workers (社区工作者 / 网格员) to a COMMUNITY or a GRID, by an official whose
 * jurisdiction holds the region. A worker of a community serves its grids too ({@link Access#servesAsCommunityWorker}).
 * The role itself ({@code community_worker}) comes from the identity provider; the appointment says where it applies.
 */
@ApplicationScoped
public class CommunityWorkerService {
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    AuditLog audit;

    @Transactional
    public CommunityWorkerAppointment appoint(IdentityInputs.CommunityWorker input) {
        caller.requireRole(Caller.OFFICIAL);
        Region region = workerRegion(input.regionCode());
        String role = access.requireOfficialOver(region.id());
        String subject = Inputs.required(input.subject(), "input.subject", 200);
        if (live(subject, region.id()) != null) {
            throw new ConflictException("error.communityWorker.alreadyAppointed");
        }
        sql.update("INSERT INTO community_worker_appointment (subject, region_id, appointed_by) VALUES (:subject, :region, :by)",
                Map.of("subject", subject, "region", region.id(), "by", caller.subject()));
        Row row = live(subject, region.id());
        audit.record(role, new AuditLog.Change("appointCommunityWorker", "CommunityWorkerAppointment", row.longValue("id"),
                null, region.id(), null, null, Map.of("subject", subject, "regionCode", region.code())));
        return new CommunityWorkerAppointment(subject, region, row.dateTime("appointed_at"));
    }

    @Transactional
    public CommunityWorkerAppointment revoke(IdentityInputs.CommunityWorker input) {
        caller.requireRole(Caller.OFFICIAL);
        Region region = workerRegion(input.regionCode());
        String role = access.requireOfficialOver(region.id());
        String subject = Inputs.required(input.subject(), "input.subject", 200);
        Row row = live(subject, region.id());
        if (row == null) {
            throw new NotFoundException("error.communityWorker.notAppointed");
        }
        sql.update("UPDATE community_worker_appointment SET revoked_at = now(), revoked_by = :by WHERE id = :id",
                Map.of("id", row.longValue("id"), "by", caller.subject()));
        audit.record(role, new AuditLog.Change("revokeCommunityWorker", "CommunityWorkerAppointment", row.longValue("id"),
                null, region.id(), null, Map.of("subject", subject, "regionCode", region.code()), null));
        return new CommunityWorkerAppointment(subject, region, row.dateTime("appointed_at"));
    }

    private Region workerRegion(String code) {
        Region region = regions.require(code, "input.regionCode");
        if (region.level() != RegionLevel.COMMUNITY && region.level() != RegionLevel.GRID) {
            throw new ValidationException("input.regionCode", "error.communityWorker.regionLevel");
        }
        return region;
    }

    private Row live(String subject, long regionId) {
        return sql.rows("SELECT id, appointed_at FROM community_worker_appointment WHERE subject = :subject "
                + "AND region_id = :region AND revoked_at IS NULL", Map.of("subject", subject, "region", regionId))
                .stream().findFirst().orElse(null);
    }
}
