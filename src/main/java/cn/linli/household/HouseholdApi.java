package cn.linli.household;

import cn.linli.common.ApiErrors;
import cn.linli.identity.Me;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import cn.linli.catalog.TargetGroup;
import java.util.List;

/** Households over GraphQL: only maps to {@link HouseholdService}, which holds the rules. */
@GraphQLApi
@ApiErrors
public class HouseholdApi {
    @Inject
    HouseholdService households;

    @Name("household")
    @Description("Residents: their household (null until the first member is added, and for callers without the resident role).")
    public Household household(@Source Me me) {
        return households.mine();
    }

    @Query("unservedResidents")
    @NonNull
    @Description("Community workers serving the region and officials over it: verified members of a group with no confirmed "
            + "or completed service in the last days (default 7, at most 366), by region code then member, a page at a time. "
            + "Names for the region's workers only.")
    public UnservedResidentConnection unservedResidents(
            @Name("regionCode") @Description("A region; its whole subtree is searched.") @NonNull String regionCode,
            @Name("group") @Description("The verified target group.") @NonNull TargetGroup group,
            @Name("days") @Description("The period, in days (default 7).") Integer days,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return households.unserved(regionCode, group, days, first, after);
    }

    @Mutation("addHouseholdMember")
    @Description("Resident: add a member to her household (at most 10); the first add creates the household in input.regionCode.")
    public Household addHouseholdMember(@Name("input") @Description("The member.") @NonNull HouseholdInputs.AddMember input) {
        return households.addMember(input);
    }

    @Mutation("updateHouseholdMember")
    @Description("Resident: change a member of her household.")
    public Household.Member updateHouseholdMember(
            @Name("input") @Description("The member and the changes.") @NonNull HouseholdInputs.UpdateMember input) {
        return households.updateMember(input);
    }

    @Mutation("removeHouseholdMember")
    @Description("Resident: remove a member of her household (its verified groups end). Returns the household.")
    public Household removeHouseholdMember(@Name("input") @Description("The member.") @NonNull HouseholdInputs.RemoveMember input) {
        return households.removeMember(input);
    }

    @Mutation("verifyTargetGroup")
    @Description("Community worker serving the household's region: verify a member's target group (renewing an earlier one).")
    public Household.Member verifyTargetGroup(@Name("input") @Description("Member, group, evidence kind, expiry.") @NonNull HouseholdInputs.Verify input) {
        return households.verify(input);
    }

    @Mutation("revokeTargetGroup")
    @Description("Community worker serving the household's region: end a member's verified target group.")
    public Household.Member revokeTargetGroup(@Name("input") @Description("Member and group.") @NonNull HouseholdInputs.Revoke input) {
        return households.revoke(input);
    }

    @Mutation("registerResidentOffline")
    @Description("Community worker of the region: register someone without an account (a household of one, no owner).")
    public Household registerResidentOffline(
            @Name("input") @Description("Name, birth year, region, phone.") @NonNull HouseholdInputs.RegisterOffline input) {
        return households.registerOffline(input);
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many members match the filter in all, over every page (counted only when asked for).")
    public int totalCount(@Source UnservedResidentConnection page) {
        return page.total().getAsInt();
    }
}
