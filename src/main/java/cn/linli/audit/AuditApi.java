package cn.linli.audit;

import cn.linli.common.ApiErrors;
import cn.linli.common.PageInfo;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@ApiErrors
public class AuditApi {
    @Inject
    AuditTrail trail;

    @Input("AuditFilter")
    @Description("Which audit entries to list; all given fields must match.")
    public record AuditFilter(@Id String organizationId, String entityType, String action, OffsetDateTime since) {
    }

    @Description("A page of audit entries.")
    public record AuditConnection(@NonNull List<AuditEdge> edges, @NonNull PageInfo pageInfo) {
        @Description("An audit entry and its cursor.")
        public record AuditEdge(@NonNull String cursor, @NonNull AuditEntry node) {
        }
    }

    @Query("auditLog")
    @NonNull
    @Description("The audit trail, newest first: admin sees all; an official the entries of their region's subtree; "
            + "an organization's OWNER that organization's. Residents appear by pseudonym except to admins and officials.")
    public AuditConnection auditLog(@Name("filter") AuditFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        return trail.read(filter, first, after);
    }
}
