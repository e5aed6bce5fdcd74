package cn.linli.audit;

import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Ignore;
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
    public record AuditFilter(
            @Id @Description("Only entries concerning this organization.") String organizationId,
            @Description("Only changes of this kind of thing, e.g. Organization, ServiceListing, Booking (as in "
                    + "AuditEntry.entityType).") String entityType,
            @Description("Only entries of this action, e.g. suspendOrganization (as in AuditEntry.action).") String action,
            @Description("Only entries recorded at or after this moment.") OffsetDateTime since) {
    }

    @Description("A page of audit entries.")
    public record AuditConnection(
            @Description("The entries of the page.") @NonNull List<@NonNull AuditEdge> edges,
            @Description("Where the page is.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
        @Description("An audit entry and its cursor.")
        public record AuditEdge(
                @Description("The cursor of this entry (pass it as `after` for the page after it).") @NonNull String cursor,
                @Description("The entry.") @NonNull AuditEntry node) {
        }
    }

    @Query("auditLog")
    @NonNull
    @Description("The audit trail, newest first: admin sees all; an official the entries of their region's subtree; "
            + "an organization's OWNER that organization's. Residents appear by pseudonym except to admins and officials.")
    public AuditConnection auditLog(
            @Name("filter") @Description("Which entries (all fields optional), within what you may read.") AuditFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        return trail.read(filter, first, after);
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many audit entries match the filter in all, over every page (the caller may see) (counted only when asked for).")
    public int totalCount(@Source AuditConnection page) {
        return page.total().getAsInt();
    }
}
