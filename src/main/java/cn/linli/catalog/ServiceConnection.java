package cn.linli.catalog;

import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;

@Description("A page of services.")
public record ServiceConnection(List<ServiceEdge> edges, PageInfo pageInfo) {
    @Description("A service and its cursor.")
    public record ServiceEdge(String cursor, Service node) {
    }
}
