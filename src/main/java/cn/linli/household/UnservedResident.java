package cn.linli.household;

import cn.linli.catalog.TargetGroup;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A verified member of a target group with no confirmed or completed service in the period asked for: the list "
        + "a 网格员 walks. Name, birth year and phone are shown to the community workers serving the member's region only.")
public record UnservedResident(
        @Id @Description("The household member (householdMemberId for bookOnBehalf).") @NonNull String memberId,
        @Description("The community or grid the household lives in.") @NonNull String regionCode,
        @Description("The verified group asked for.") @NonNull TargetGroup group,
        @Description("Until when the group is verified.") @NonNull LocalDate verifiedUntil,
        @Description("false for a household registered offline (no account: only a worker can book for them).") boolean hasAccount,
        @Description("Name (community workers serving the region only).") String name,
        @Description("Year of birth (community workers serving the region only).") Integer birthYear,
        @Description("Phone, if any (community workers serving the region only).") String phone) {
}
