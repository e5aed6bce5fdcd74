package cn.linli.identity;

import cn.linli.common.Messages;
import cn.linli.organization.Organization;
import cn.linli.region.Region;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The caller: token subject and roles, and what they may act for.")
public record Me(
        @Description("The token's subject.") @NonNull String subject,
        @Description("Roles from the token, sorted; the service acts on resident, org_staff, gov_official, community_worker, "
                + "evaluator and admin.") @NonNull List<@NonNull String> roles,
        @Description("Organizations the caller belongs to, with the role in each.") @NonNull List<@NonNull Membership> organizations,
        @Description("For officials: the region they govern (with its subtree) and their government unit.") Appointment jurisdiction,
        @Description("For evaluators: the agency they work for (第三方评估机构).") String evaluatorAgency) {

    @Description("Membership of an organization.")
    public record Membership(
            @Description("The organization.") @NonNull Organization organization,
            @Description("The caller's role in it.") @NonNull MemberRole role) {
        @NonNull
        @Description("Label of the role in the request language.")
        public String getRoleLabel() {
            return Messages.label(role);
        }
    }

    @Description("An official's appointment to a region.")
    public record Appointment(
            @Description("The official's subject.") @NonNull String subject,
            @Description("The region governed, with its whole subtree.") @NonNull Region region,
            @Description("The government unit, e.g. 兰州市七里河区民政局.") @NonNull String unitName,
            @Description("When appointed.") @NonNull java.time.OffsetDateTime appointedAt) {
    }
}
