package cn.linli.household;

import org.eclipse.microprofile.graphql.Ignore;
import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of the weekly list of verified members not served lately, by region code then member.")
public record UnservedResidentConnection(
        @Description("The members of the page.") @NonNull List<@NonNull UnservedResidentEdge> edges,
        @Description("Where the page is.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {

    @Description("A member not served lately, and its cursor.")
    public record UnservedResidentEdge(
            @Description("The cursor of this member.") @NonNull String cursor,
            @Description("The member.") @NonNull UnservedResident node) {
    }
}
