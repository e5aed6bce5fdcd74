package cn.linli.catalog;

import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of services.")
public record ServiceConnection(
        @Description("The services of the page.") @NonNull List<@NonNull ServiceEdge> edges,
        @Description("Where the page is.") @NonNull PageInfo pageInfo) {
    @Description("A service and its cursor.")
    public record ServiceEdge(
            @Description("The cursor of this service (pass it as `after` for the page after it).") @NonNull String cursor,
            @Description("The service.") @NonNull Service node) {
    }
}
