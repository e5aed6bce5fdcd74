package cn.linli.household;

import cn.linli.catalog.TargetGroup;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A household (户): the people a resident books for, and where they live. Shown to its resident and to the "
        + "community workers serving its region only.")
public record Household(
        @Id @Description("The household's id.") @NonNull String id,
        @Description("The COMMUNITY or GRID the household lives in; its workers serve the household.") @NonNull String regionCode,
        @Description("false for a household a community worker registered for someone without an account.") boolean hasAccount,
        @Description("The members, in the order they were added.") @NonNull List<@NonNull Member> members) {

    @Name("HouseholdMember")
    @Description("A member of a household.")
    public record Member(
            @Id @Description("The member's id (beneficiaryId when booking).") @NonNull String id,
            @Description("Name (at most 40 characters).") @NonNull String name,
            @Description("Relation to the resident, e.g. 母亲, 本人.") @NonNull String relation,
            @Description("Year of birth: the age that eligibility is checked against.") int birthYear,
            @Description("A phone to reach the member, if given (households registered offline).") String phone,
            @Description("Target groups a community worker has verified, unexpired and not revoked.") @NonNull List<@NonNull VerifiedGroup> verifiedGroups) {
    }

    @Name("VerifiedTargetGroup")
    @Description("A target group a community worker verified for a member; the evidence itself is never shown.")
    public record VerifiedGroup(
            @Description("The group, e.g. LIVING_ALONE (独居).") @NonNull TargetGroup group,
            @Description("The subject of the community worker who verified it.") @NonNull String verifiedBy,
            @Description("The last day the verification holds.") @NonNull LocalDate expiresOn) {
    }
}
