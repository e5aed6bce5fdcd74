package cn.linli.organization;

import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of organizations.")
public record OrganizationConnection(@NonNull List<OrganizationEdge> edges, @NonNull PageInfo pageInfo,
        @org.eclipse.microprofile.graphql.Ignore java.util.function.IntSupplier total) {

    @Description("An organization and its cursor.")
    public record OrganizationEdge(@NonNull String cursor, @NonNull Organization node) {
    }
}
