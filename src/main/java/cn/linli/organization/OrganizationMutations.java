package cn.linli.organization;

import cn.linli.audit.AuditLog;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.ConflictException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Language;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.region.RegionQueries;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Registering organizations, their profile and members, and officials' decisions about them. */
@GraphQLApi
@ApiErrors
public class OrganizationMutations {
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;
    @Inject
    AuditLog audit;

    @Mutation("registerOrganization")
    @Transactional
    @Description("org_staff: register an organization. The caller becomes its OWNER; it is PENDING until an official verifies it.")
    public Organization registerOrganization(@Name("input") @Description("The organization's profile.") @NonNull OrganizationInputs.Register input) {
        String role = caller.requireRole(Caller.ORG_STAFF);
        OrganizationRecord organization = new OrganizationRecord();
        organization.name = Inputs.required(input.name(), "input.name", 100);
        organization.creditCode = creditCode(input.creditCode(), "input.creditCode");
        organization.kind = input.kind();
        organization.regionId = regions.require(input.regionCode(), "input.regionCode").id();
        organization.address = Inputs.optional(input.address(), "input.address", 200);
        Inputs.location(input.location(), "input.location");
        organization.lat = input.location() == null ? null : input.location().lat();
        organization.lng = input.location() == null ? null : input.location().lng();
        organization.contactName = Inputs.optional(input.contactName(), "input.contactName", 50);
        organization.contactPhone = Inputs.phone(input.contactPhone(), "input.contactPhone");
        organization.description = orEmpty(Inputs.optional(input.description(), "input.description", 2000));
        organization.serviceCategoryCodes = categoryCodes(input.serviceCategoryCodes(), "input.serviceCategoryCodes");
        organization.socialWorkerCount = Inputs.range(input.socialWorkerCount(), "input.socialWorkerCount", 0, 100_000, 0);
        organization.registeredBy = caller.subject();
        if (OrganizationRecord.count("creditCode", organization.creditCode) > 0) {
            throw new ConflictException("error.organization.creditCodeTaken", organization.creditCode);
        }
        organization.persistAndFlush();
        sql.update("INSERT INTO organization_member (organization_id, subject, role, added_by) "
                + "VALUES (:org, :subject, 'OWNER', :subject)", Map.of("org", organization.id, "subject", caller.subject()));
        audit.record(role, change("registerOrganization", organization, null, null, organization.snapshot()));
        return read(organization.id);
    }

    @Inject
    OrganizationImport organizationImport;

    @Mutation("importOrganizations")
    @Description("An admin, or an official for organizations in their jurisdiction: import organizations from a CSV (header "
            + "row: creditCode, name, kind, regionCode, address, lat, lng, contactName, contactPhone; see the README). New ones "
            + "are PENDING until verified; PENDING ones already there get the row's details; ones decided on already are "
            + "skipped. Without lat/lng an organization takes its region's centroid (approximateLocation). Any row error "
            + "(an invalid 统一社会信用代码, an unknown region …) refuses the whole file: VALIDATION with extensions.rowErrors "
            + "[{line, column, message}]. Files over 240 000 characters go to POST /admin/import/organizations.")
    @NonNull
    public OrganizationImport.Result importOrganizations(@Name("input") @Description("The CSV file.") @NonNull OrganizationInputs.ImportOrganizations input) {
        return organizationImport.importCsv(input.csv(), "input.csv");
    }

    @Mutation("updateOrganization")
    @Transactional
    @Description("OWNER: change the profile. A stale version gets CONFLICT; a new name, credit code or region returns the "
            + "organization to PENDING, for an official of its (new) region to verify.")
    public Organization updateOrganization(@Name("input") @Description("The organization, the version you read and the changes.") @NonNull OrganizationInputs.Update input) {
        OrganizationRecord organization = find(input.id());
        String role = access.requireOwner(organization.id);
        checkVersion(organization, input.version());
        Map<String, Object> before = organization.snapshot();
        String oldName = organization.name;
        String oldCode = organization.creditCode;
        long oldRegion = organization.regionId;
        if (input.name() != null) {
            organization.name = Inputs.required(input.name(), "input.name", 100);
        }
        if (input.creditCode() != null) {
            organization.creditCode = creditCode(input.creditCode(), "input.creditCode");
            if (!organization.creditCode.equals(oldCode)
                    && OrganizationRecord.count("creditCode", organization.creditCode) > 0) {
                throw new ConflictException("error.organization.creditCodeTaken", organization.creditCode);
            }
        }
        if (input.kind() != null) {
            organization.kind = input.kind();
        }
        if (input.regionCode() != null) {
            organization.regionId = regions.require(input.regionCode(), "input.regionCode").id();
        }
        if (input.address() != null) {
            organization.address = Inputs.optional(input.address(), "input.address", 200);
        }
        if (input.location() != null) {
            Inputs.location(input.location(), "input.location");
            organization.lat = input.location().lat();
            organization.lng = input.location().lng();
            organization.approximateLocation = false; // its own point now, no longer its region's centroid
        }
        if (input.contactName() != null) {
            organization.contactName = Inputs.optional(input.contactName(), "input.contactName", 50);
        }
        if (input.contactPhone() != null) {
            organization.contactPhone = Inputs.phone(input.contactPhone(), "input.contactPhone");
        }
        if (input.description() != null) {
            organization.description = orEmpty(Inputs.optional(input.description(), "input.description", 2000));
        }
        if (input.serviceCategoryCodes() != null) {
            organization.serviceCategoryCodes = categoryCodes(input.serviceCategoryCodes(), "input.serviceCategoryCodes");
        }
        if (input.socialWorkerCount() != null) {
            organization.socialWorkerCount = Inputs.range(input.socialWorkerCount(), "input.socialWorkerCount", 0, 100_000, 0);
        }
        // who verified it answers for its name, code and region: a new one of these is verified again, and a new
        // region by an official of that region (the verifier may have no jurisdiction there)
        boolean regionChanged = organization.regionId != oldRegion;
        boolean identityChanged = !organization.name.equals(oldName) || !organization.creditCode.equals(oldCode) || regionChanged;
        if (identityChanged && organization.status.showsServices()) {
            organization.status = OrganizationStatus.PENDING;
            organization.statusReason = Messages.get(Language.ZH,
                    regionChanged ? "organization.reverification.region" : "organization.reverification");
        }
        organization.updatedAt = OffsetDateTime.now();
        organization.flush();
        audit.record(role, change("updateOrganization", organization, null, before, organization.snapshot()));
        return read(organization.id);
    }

    @Mutation("verifyOrganization")
    @Transactional
    @Description("Official of the organization's region: verify a PENDING organization (→ ACTIVE).")
    public Organization verifyOrganization(@Name("input") @Description("The organization and the reason.") @NonNull OrganizationInputs.Decision input) {
        return decide(input, "verifyOrganization", Set.of(OrganizationStatus.PENDING), OrganizationStatus.ACTIVE);
    }

    @Mutation("rejectOrganization")
    @Transactional
    @Description("Official of the organization's region: reject a PENDING registration (→ REJECTED) with the reason, which "
            + "the organization's members see as statusReason. Not PENDING: INVALID_STATE.")
    public Organization rejectOrganization(@Name("input") @Description("The organization and the reason.") @NonNull OrganizationInputs.Decision input) {
        return decide(input, "rejectOrganization", Set.of(OrganizationStatus.PENDING), OrganizationStatus.REJECTED);
    }

    @Mutation("suspendOrganization")
    @Transactional
    @Description("Official of the organization's region: suspend an ACTIVE (or BARRED) organization; its services leave search at once.")
    public Organization suspendOrganization(@Name("input") @Description("The organization and the reason.") @NonNull OrganizationInputs.Decision input) {
        return decide(input, "suspendOrganization", Set.of(OrganizationStatus.ACTIVE, OrganizationStatus.BARRED),
                OrganizationStatus.SUSPENDED);
    }

    @Mutation("reinstateOrganization")
    @Transactional
    @Description("Official of the organization's region: reinstate a SUSPENDED organization; its published services return "
            + "(BARRED rather than ACTIVE while a bar still runs).")
    public Organization reinstateOrganization(@Name("input") @Description("The organization and the reason.") @NonNull OrganizationInputs.Decision input) {
        return decide(input, "reinstateOrganization", Set.of(OrganizationStatus.SUSPENDED), OrganizationStatus.ACTIVE);
    }

    @Mutation("setOrganizationRating")
    @Transactional
    @Description("Official of the organization's region: record its 社会组织评估 level (5A … 1A) and when it expires.")
    public Organization setOrganizationRating(@Name("input") @Description("The organization, the level and its expiry.") @NonNull OrganizationInputs.SetRating input) {
        OrganizationRecord organization = find(input.id());
        String role = access.requireOfficialOver(organization.regionId);
        LocalDate today = LocalDate.now(Row.CHINA);
        if (!input.expiresOn().isAfter(today) || input.expiresOn().isAfter(today.plusYears(5))) {
            throw new ValidationException("input.expiresOn", "error.rating.expiry");
        }
        Map<String, Object> before = organization.snapshot();
        organization.ratingLevel = (short) input.level().stars();
        organization.ratingExpiresOn = input.expiresOn();
        organization.updatedAt = OffsetDateTime.now();
        organization.flush();
        audit.record(role, change("setOrganizationRating", organization, null, before, organization.snapshot()));
        return read(organization.id);
    }

    @Mutation("addOrganizationMember")
    @Transactional
    @Description("OWNER: add a member (by token subject) as OWNER or STAFF.")
    public Organization addOrganizationMember(@Name("input") @Description("The organization, the new member and the role.") @NonNull OrganizationInputs.AddMember input) {
        OrganizationRecord organization = find(input.organizationId());
        String role = access.requireOwner(organization.id);
        String subject = Inputs.required(input.subject(), "input.subject", 200);
        int added = sql.update("INSERT INTO organization_member (organization_id, subject, role, added_by) "
                + "VALUES (:org, :subject, :role, :by) ON CONFLICT DO NOTHING",
                Map.of("org", organization.id, "subject", subject, "role", input.role().name(), "by", caller.subject()));
        if (added == 0) {
            throw new ConflictException("error.member.exists", subject);
        }
        audit.record(role, new AuditLog.Change("addOrganizationMember", "OrganizationMember", organization.id + "/" + subject,
                organization.id, organization.regionId, null, null, Map.of("subject", subject, "role", input.role())));
        return read(organization.id);
    }

    @Mutation("removeOrganizationMember")
    @Transactional
    @Description("OWNER: remove a member. An organization never loses its last OWNER (INVALID_STATE).")
    public Organization removeOrganizationMember(@Name("input") @Description("The organization and the member.") @NonNull OrganizationInputs.RemoveMember input) {
        // the row lock serialises concurrent removals, so two OWNERs cannot remove each other at once
        OrganizationRecord organization = OrganizationRecord.findById(Ids.parse(input.organizationId(), "input.organizationId"),
                LockModeType.PESSIMISTIC_WRITE);
        if (organization == null) {
            throw new NotFoundException("error.organization.notFound", input.organizationId());
        }
        String role = access.requireOwner(organization.id);
        List<Row> members = sql.rows("SELECT subject, role FROM organization_member WHERE organization_id = :org",
                Map.of("org", organization.id));
        Row member = members.stream().filter(m -> m.string("subject").equals(input.subject())).findFirst()
                .orElseThrow(() -> new NotFoundException("error.member.notFound", input.subject()));
        long owners = members.stream().filter(m -> "OWNER".equals(m.string("role"))).count();
        if ("OWNER".equals(member.string("role")) && owners <= 1) {
            throw new InvalidStateException("error.member.lastOwner");
        }
        sql.update("DELETE FROM organization_member WHERE organization_id = :org AND subject = :subject",
                Map.of("org", organization.id, "subject", input.subject()));
        audit.record(role, new AuditLog.Change("removeOrganizationMember", "OrganizationMember",
                organization.id + "/" + input.subject(), organization.id, organization.regionId, null,
                Map.of("subject", input.subject(), "role", member.string("role")), null));
        return read(organization.id);
    }

    /** {@code to} ACTIVE means BARRED while a bar runs: neither verification nor reinstatement lifts a sanction. */
    private Organization decide(OrganizationInputs.Decision input, String action, Set<OrganizationStatus> from,
            OrganizationStatus to) {
        OrganizationRecord organization = find(input.id());
        String role = access.requireOfficialOver(organization.regionId);
        String reason = Inputs.required(input.reason(), "input.reason", 500);
        if (!from.contains(organization.status)) {
            throw new InvalidStateException("error.organization.state", organization.status, action);
        }
        Map<String, Object> before = organization.snapshot();
        boolean verifying = organization.status == OrganizationStatus.PENDING;
        organization.status = to == OrganizationStatus.ACTIVE ? OrganizationStanding.activeStatus(organization.barredUntil) : to;
        organization.statusReason = reason;
        if (to == OrganizationStatus.ACTIVE && verifying) {
            organization.verifiedAt = OffsetDateTime.now();
        }
        organization.updatedAt = OffsetDateTime.now();
        organization.flush();
        audit.record(role, change(action, organization, reason, before, organization.snapshot()));
        return read(organization.id);
    }

    private OrganizationRecord find(String id) {
        OrganizationRecord organization = OrganizationRecord.findById(Ids.parse(id, "input.id"));
        if (organization == null) {
            throw new NotFoundException("error.organization.notFound", id);
        }
        return organization;
    }

    private static void checkVersion(OrganizationRecord organization, int version) {
        if (organization.version != version) {
            throw new ConflictException("error.staleVersion");
        }
    }

    private Organization read(long id) {
        return sql.rows("SELECT " + OrganizationQueries.COLUMNS + " FROM organization o WHERE o.id = :id", Map.of("id", id))
                .stream().map(OrganizationQueries::organization).findFirst().orElseThrow();
    }

    private static String creditCode(String value, String field) {
        String code = value == null ? "" : value.strip().toUpperCase();
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw new ValidationException(field, "error.organization.creditCode");
        }
        return code;
    }

    private String[] categoryCodes(List<String> codes, String field) {
        if (codes == null) {
            return new String[0];
        }
        Set<String> wanted = new HashSet<>(codes);
        Set<String> known = new HashSet<>();
        categories.all().forEach(category -> known.add(category.code()));
        for (String code : wanted) {
            if (!known.contains(code)) {
                throw new ValidationException(field, "error.category.unknown", code);
            }
        }
        return wanted.stream().sorted().toArray(String[]::new);
    }

    private static AuditLog.Change change(String action, OrganizationRecord organization, String reason,
            Map<String, Object> before, Map<String, Object> after) {
        return new AuditLog.Change(action, "Organization", organization.id, organization.id, organization.regionId, reason,
                before, after);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
