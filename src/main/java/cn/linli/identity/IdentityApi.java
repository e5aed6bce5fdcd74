package cn.linli.identity;

import cn.linli.audit.AuditLog;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.Inputs;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.organization.OrganizationQueries;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@ApiErrors
public class IdentityApi {
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
    @Inject
    CommunityWorkerService workers;

    @Query("me")
    @NonNull
    @Description("The caller: subject, roles, organizations, jurisdiction, agency. Needs a token.")
    public Me me() {
        String subject = caller.subject();
        List<Me.Membership> memberships = sql.rows("SELECT m.role, " + OrganizationQueries.COLUMNS
                        + " FROM organization_member m JOIN organization o ON o.id = m.organization_id "
                        + "WHERE m.subject = :subject ORDER BY o.id", Map.of("subject", subject)).stream()
                .map(row -> new Me.Membership(OrganizationQueries.organization(row), MemberRole.valueOf(row.string("role"))))
                .toList();
        String agency = sql.rows("SELECT agency FROM evaluator_profile WHERE subject = :subject", Map.of("subject", subject))
                .stream().map(row -> row.string("agency")).findFirst().orElse(null);
        return new Me(subject, List.copyOf(new TreeSet<>(caller.roles())), memberships, activeAppointment(subject).orElse(null),
                caller.hasRole(Caller.EVALUATOR) ? agency : null);
    }

    @Mutation("appointOfficial")
    @Transactional
    @Description("Admin: appoint an official to govern a region and its subtree.")
    public Me.Appointment appointOfficial(@Name("input") @Description("The official, the region and the government unit.") @NonNull IdentityInputs.AppointOfficial input) {
        String role = access.requireAdmin();
        String subject = Inputs.required(input.subject(), "input.subject", 200);
        String unit = Inputs.required(input.unitName(), "input.unitName", 100);
        Region region = regions.require(input.regionCode(), "input.regionCode");
        Optional<Me.Appointment> earlier = activeAppointment(subject);
        sql.update("UPDATE official_appointment SET revoked_at = now(), revoked_by = :by "
                + "WHERE subject = :subject AND revoked_at IS NULL", Map.of("subject", subject, "by", caller.subject()));
        sql.update("INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by) "
                + "VALUES (:subject, :region, :unit, :by)",
                Map.of("subject", subject, "region", region.id(), "unit", unit, "by", caller.subject()));
        audit.record(role, new AuditLog.Change("appointOfficial", "OfficialAppointment", subject, null, region.id(), null,
                earlier.map(IdentityApi::snapshot).orElse(null), Map.of("subject", subject, "regionCode", region.code(), "unitName", unit)));
        return activeAppointment(subject).orElseThrow();
    }

    @Mutation("revokeOfficial")
    @Transactional
    @Description("Admin: end an official's appointment. Returns the appointment that ended.")
    public Me.Appointment revokeOfficial(@Name("input") @Description("The official and why.") @NonNull IdentityInputs.RevokeOfficial input) {
        String role = access.requireAdmin();
        Me.Appointment appointment = activeAppointment(input.subject())
                .orElseThrow(() -> new NotFoundException("error.appointment.notFound", input.subject()));
        sql.update("UPDATE official_appointment SET revoked_at = now(), revoked_by = :by "
                + "WHERE subject = :subject AND revoked_at IS NULL", Map.of("subject", input.subject(), "by", caller.subject()));
        audit.record(role, new AuditLog.Change("revokeOfficial", "OfficialAppointment", input.subject(), null,
                appointment.region().id(), Inputs.optional(input.reason(), "input.reason", 500), snapshot(appointment), null));
        return appointment;
    }

    @Mutation("registerEvaluator")
    @Transactional
    @Description("Admin: record (or change) the agency an evaluator works for.")
    public String registerEvaluator(@Name("input") @Description("The evaluator and the agency.") @NonNull IdentityInputs.RegisterEvaluator input) {
        String role = access.requireAdmin();
        String subject = Inputs.required(input.subject(), "input.subject", 200);
        String agency = Inputs.required(input.agency(), "input.agency", 100);
        sql.update("INSERT INTO evaluator_profile (subject, agency, registered_by) VALUES (:subject, :agency, :by) "
                + "ON CONFLICT (subject) DO UPDATE SET agency = excluded.agency",
                Map.of("subject", subject, "agency", agency, "by", caller.subject()));
        audit.record(role, new AuditLog.Change("registerEvaluator", "Evaluator", subject, null, null, null, null,
                Map.of("agency", agency)));
        return agency;
    }

    @Mutation("appointCommunityWorker")
    @Description("An official over the region: appoint a community worker (社区工作者 / 网格员) to a COMMUNITY or GRID. "
            + "CONFLICT when already appointed there.")
    public CommunityWorkerAppointment appointCommunityWorker(
            @Name("input") @Description("The worker and the community or grid.") @NonNull IdentityInputs.CommunityWorker input) {
        return workers.appoint(input);
    }

    @Mutation("revokeCommunityWorker")
    @Description("An official over the region: end a community worker's appointment there. Returns the appointment that ended.")
    public CommunityWorkerAppointment revokeCommunityWorker(
            @Name("input") @Description("The worker and the community or grid.") @NonNull IdentityInputs.CommunityWorker input) {
        return workers.revoke(input);
    }

    private Optional<Me.Appointment> activeAppointment(String subject) {
        return sql.rows("SELECT a.region_id, a.unit_name, a.appointed_at FROM official_appointment a "
                + "WHERE a.subject = :subject AND a.revoked_at IS NULL", Map.of("subject", subject)).stream()
                .findFirst().map(row -> appointment(subject, row));
    }

    private Me.Appointment appointment(String subject, Row row) {
        Region region = regions.byIds(List.of(row.longValue("region_id"))).get(0);
        return new Me.Appointment(subject, region, row.string("unit_name"), row.dateTime("appointed_at"));
    }

    private static Map<String, Object> snapshot(Me.Appointment appointment) {
        return Map.of("subject", appointment.subject(), "regionCode", appointment.region().code(),
                "unitName", appointment.unitName());
    }
}
