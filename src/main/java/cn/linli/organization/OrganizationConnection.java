package cn.linli.organization;

import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of organizations.")
public record OrganizationConnection(
        @Description("The organizations of the page.") @NonNull List<@NonNull OrganizationEdge> edges,
        @Description("Where the page is.") @NonNull PageInfo pageInfo,
        @org.eclipse.microprofile.graphql.Ignore java.util.function.IntSupplier total) {

    @Description("An organization and its cursor.")
    public record OrganizationEdge(
            @Description("The cursor of this organization (pass it as `after` for the page after it).") @NonNull String cursor,
            @Description("The organization.") @NonNull Organization node) {
    }
}
