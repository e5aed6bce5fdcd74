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
            @NonNull String name,
            @Description("统一社会信用代码: 18 characters, GB 32100 check character.") @NonNull String creditCode,
            @NonNull OrganizationKind kind,
            @Description("Code of the region where it is registered.") @NonNull String regionCode,
            String address,
            Location location,
            String contactName,
            String contactPhone,
            String description,
            @Description("Codes of the categories it serves.") List<String> serviceCategoryCodes,
            @Description("Registered social workers (持证社工).") Integer socialWorkerCount) {
    }

    @Input("UpdateOrganizationInput")
    @Description("Change an organization's profile (OWNER). Absent fields stay as they are. A new name, credit code or region needs verification again.")
    public record Update(
            @Id @NonNull String id,
            @Description("The version the change is based on; a stale one gets CONFLICT.") int version,
            String name,
            String creditCode,
            OrganizationKind kind,
            String regionCode,
            String address,
            Location location,
            String contactName,
            String contactPhone,
            String description,
            List<String> serviceCategoryCodes,
            Integer socialWorkerCount) {
    }

    @Input("OrganizationDecisionInput")
    @Description("An official's decision about an organization, with the reason.")
    public record Decision(@Id @NonNull String id, @NonNull String reason) {
    }

    @Input("SetOrganizationRatingInput")
    @Description("Record the result of a 社会组织评估: level and expiry (at most five years ahead).")
    public record SetRating(@Id @NonNull String id, @NonNull RatingLevel level, @NonNull LocalDate expiresOn) {
    }

    @Input("AddOrganizationMemberInput")
    @Description("Add a member (by token subject) to an organization (OWNER).")
    public record AddMember(@Id @NonNull String organizationId, @NonNull String subject, @NonNull MemberRole role) {
    }

    @Input("RemoveOrganizationMemberInput")
    @Description("Remove a member from an organization (OWNER). The last OWNER cannot be removed.")
    public record RemoveMember(@Id @NonNull String organizationId, @NonNull String subject) {
    }

    @Input("ImportOrganizationsInput")
    @Description("A CSV file of organizations, as text.")
    public record ImportOrganizations(
            @Description("The file's content: UTF-8 text (a BOM is ignored), a header row, at most 240 000 characters.")
            @NonNull String csv) {
    }
}
