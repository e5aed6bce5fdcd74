package cn.linli.household;

import cn.linli.catalog.TargetGroup;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the household mutations. */
public final class HouseholdInputs {
    private HouseholdInputs() {
    }

    @Input("AddHouseholdMemberInput")
    @Description("Add a member to the caller's household (at most 10). The first add creates the household and needs regionCode.")
    public record AddMember(
            @Description("Name, at most 40 characters.") @NonNull String name,
            @Description("Relation to the resident, e.g. 母亲 (at most 20 characters).") @NonNull String relation,
            @Description("Year of birth, 1900 to this year.") int birthYear,
            @Description("The COMMUNITY or GRID the household lives in: needed when the household is created; given later, "
                    + "the household moves there.") String regionCode) {
    }

    @Input("UpdateHouseholdMemberInput")
    @Description("Change a member of the caller's household: fields left out stay as they are.")
    public record UpdateMember(
            @Id @Description("The member.") @NonNull String id,
            @Description("Name, at most 40 characters.") String name,
            @Description("Relation to the resident.") String relation,
            @Description("Year of birth, 1900 to this year.") Integer birthYear) {
    }

    @Input("RemoveHouseholdMemberInput")
    @Description("Remove a member of the caller's household.")
    public record RemoveMember(@Id @Description("The member.") @NonNull String id) {
    }

    @Input("VerifyTargetGroupInput")
    @Description("A community worker verifies that a member belongs to a target group, until expiresOn (at most a year ahead).")
    public record Verify(
            @Id @Description("The household member.") @NonNull String memberId,
            @Description("The target group.") @NonNull TargetGroup group,
            @Description("What the verification relied on.") @NonNull EvidenceType evidenceType,
            @Description("An optional reference to the evidence (a file number of the community, at most 64 characters); stored "
                    + "only as its SHA-256. Never an identity card number.") String evidenceReference,
            @Description("The last day the verification holds: today to one year ahead.") @NonNull LocalDate expiresOn) {
    }

    @Input("RevokeTargetGroupInput")
    @Description("A community worker ends a member's verified target group.")
    public record Revoke(
            @Id @Description("The household member.") @NonNull String memberId,
            @Description("The target group.") @NonNull TargetGroup group,
            @Description("Why (at most 500 characters); kept with the verification, not in the audit trail.") String reason) {
    }

    @Input("RegisterResidentOfflineInput")
    @Description("A community worker registers someone without an account (an elder without a phone): a household of one.")
    public record RegisterOffline(
            @Description("Name, at most 40 characters.") @NonNull String name,
            @Description("Year of birth, 1900 to this year.") int birthYear,
            @Description("The COMMUNITY or GRID they live in, served by the worker.") @NonNull String regionCode,
            @Description("A phone to reach them or their contact (a landline will do).") String phone) {
    }
}
