package cn.linli.catalog;

import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of services.")
public record ServiceConnection(@NonNull List<ServiceEdge> edges, @NonNull PageInfo pageInfo) {
    @Description("A service and its cursor.")
    public record ServiceEdge(@NonNull String cursor, @NonNull Service node) {
    }
}
