package cn.linli.organization;

import cn.linli.common.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;

@Description("A page of organizations.")
public record OrganizationConnection(List<OrganizationEdge> edges, PageInfo pageInfo) {
    @Description("An organization and its cursor.")
    public record OrganizationEdge(String cursor, Organization node) {
    }
}
