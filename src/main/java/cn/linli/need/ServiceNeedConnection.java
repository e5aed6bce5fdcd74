package cn.linli.need;

import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of needs, newest first.")
public record ServiceNeedConnection(
        @Description("The needs of the page.") @NonNull List<@NonNull ServiceNeedEdge> edges,
        @Description("Where the page is.") @NonNull PageInfo pageInfo,
        @Description("How many needs match, over all pages.") int totalCount,
        @Description("Their supporters, summed over all pages.") int totalSupporters) {

    @Description("A need and its cursor.")
    public record ServiceNeedEdge(
            @Description("The cursor of this need.") @NonNull String cursor,
            @Description("The need.") @NonNull ServiceNeed node) {
    }
}
