package cn.linli.organization;

import cn.linli.common.Location;
import cn.linli.identity.MemberRole;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the organization mutations. */
public final class OrganizationInputs {
    private OrganizationInputs() {
    }

    @Input("RegisterOrganizationInput")
    @Description("Register an organization; the caller becomes its OWNER and it waits for verification (PENDING).")
    public record Register(
            @Description("Registered name (at most 100 characters).") @NonNull String name,
            @Description("统一社会信用代码: 18 characters, GB 32100 check character.") @NonNull String creditCode,
            @Description("Legal form.") @NonNull OrganizationKind kind,
            @Description("Code of the region where it is registered.") @NonNull String regionCode,
            @Description("Street address (at most 200 characters); public.") String address,
            @Description("Where it is (WGS-84); public.") Location location,
            @Description("Contact person (at most 50 characters); public.") String contactName,
            @Description("Public contact telephone: digits, spaces, + and -, 5–20 characters. New listings start with it as "
                    + "their contact phone.") String contactPhone,
            @Description("What the organization does (at most 2 000 characters).") String description,
            @Description("Codes of the categories it serves.") List<String> serviceCategoryCodes,
            @Description("Registered social workers (持证社工), 0 … 100 000 (default 0).") Integer socialWorkerCount) {
    }

    @Input("UpdateOrganizationInput")
    @Description("Change an organization's profile (OWNER). Absent fields stay as they are. A new name, credit code or region needs verification again.")
    public record Update(
            @Id @Description("The organization; you must be its OWNER.") @NonNull String id,
            @Description("The version the change is based on; a stale one gets CONFLICT.") int version,
            @Description("Registered name (at most 100 characters); a new one returns an ACTIVE or BARRED organization to "
                    + "PENDING.") String name,
            @Description("统一社会信用代码 (18 characters, GB 32100 check character); a new one returns an ACTIVE or BARRED "
                    + "organization to PENDING.") String creditCode,
            @Description("Legal form.") OrganizationKind kind,
            @Description("Code of the region where it is registered; a new one returns an ACTIVE or BARRED organization to "
                    + "PENDING, for an official of the new region to verify.") String regionCode,
            @Description("Street address (at most 200 characters).") String address,
            @Description("Where it is (WGS-84); setting it ends approximateLocation.") Location location,
            @Description("Contact person (at most 50 characters).") String contactName,
            @Description("Public contact telephone: digits, spaces, + and -, 5–20 characters.") String contactPhone,
            @Description("What the organization does (at most 2 000 characters).") String description,
            @Description("Codes of the categories it serves; replaces the whole list.") List<String> serviceCategoryCodes,
            @Description("Registered social workers (持证社工), 0 … 100 000.") Integer socialWorkerCount) {
    }

    @Input("OrganizationDecisionInput")
    @Description("An official's decision about an organization, with the reason.")
    public record Decision(
            @Id @Description("The organization, registered in your jurisdiction.") @NonNull String id,
            @Description("Why (at most 500 characters); kept as the organization's statusReason and in the audit trail.") @NonNull String reason) {
    }

    @Input("SetOrganizationRatingInput")
    @Description("Record the result of a 社会组织评估: level and expiry (at most five years ahead).")
    public record SetRating(
            @Id @Description("The organization, registered in your jurisdiction.") @NonNull String id,
            @Description("The level awarded, 1A … 5A.") @NonNull RatingLevel level,
            @Description("The last day the level is valid: after today, at most five years ahead.") @NonNull LocalDate expiresOn) {
    }

    @Input("AddOrganizationMemberInput")
    @Description("Add a member (by token subject) to an organization (OWNER).")
    public record AddMember(
            @Id @Description("The organization; you must be its OWNER.") @NonNull String organizationId,
            @Description("The new member's token subject (at most 200 characters); not a member yet.") @NonNull String subject,
            @Description("The role to give: OWNER or STAFF.") @NonNull MemberRole role) {
    }

    @Input("RemoveOrganizationMemberInput")
    @Description("Remove a member from an organization (OWNER). The last OWNER cannot be removed.")
    public record RemoveMember(
            @Id @Description("The organization; you must be its OWNER.") @NonNull String organizationId,
            @Description("The member's token subject.") @NonNull String subject) {
    }

    @Input("ImportOrganizationsInput")
    @Description("A CSV file of organizations, as text.")
    public record ImportOrganizations(
            @Description("The file's content: UTF-8 text (a BOM is ignored), a header row, at most 240 000 characters.")
            @NonNull String csv) {
    }
}
