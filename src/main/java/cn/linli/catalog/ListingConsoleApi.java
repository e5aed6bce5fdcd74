package cn.linli.catalog;

import cn.linli.common.ApiErrors;
import cn.linli.common.Ids;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.Paging;
import cn.linli.common.Sql;
import cn.linli.identity.Access;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The organization console's view of its own listings, drafts included. Members only. */
@GraphQLApi
@ApiErrors
public class ListingConsoleApi {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("listings", List.of(new Key("l.id", "bigint")), true);
    private static final KeysetQuery OLDEST_CONFIRMATION_FIRST = new KeysetQuery("stale",
            List.of(new Key("l.confirmed_at", "timestamptz"), new Key("l.id", "bigint")), false);

    @Inject
    Access access;
    @Inject
    Sql sql;

    @Query("organizationListings")
    @NonNull
    @Description("Member: the organization's listings in any status (or one status), newest first.")
    public ServiceConnection organizationListings(
            @Name("organizationId") @Description("The organization; you must be its member.") @NonNull @Id String organizationId,
            @Name("status") @Description("Only listings in this status (none: every status, drafts and withdrawn ones "
                    + "included).") ListingStatus status,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        long id = Ids.parse(organizationId, "organizationId");
        access.requireMember(id);
        List<String> where = new ArrayList<>(List.of("l.organization_id = :organizationId"));
        Map<String, Object> params = new HashMap<>(Map.of("organizationId", id));
        if (status != null) {
            where.add("l.status = :status");
            params.put("status", status.name());
        }
        return page(NEWEST_FIRST, where, params, first, after);
    }

    @Query("staleListings")
    @NonNull
    @Description("Member: published listings not confirmed for 180 days or more (residents see them flagged stale), oldest first.")
    public ServiceConnection staleListings(
            @Name("organizationId") @Description("The organization; you must be its member.") @NonNull @Id String organizationId,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        long id = Ids.parse(organizationId, "organizationId");
        access.requireMember(id);
        return page(OLDEST_CONFIRMATION_FIRST, List.of("l.organization_id = :organizationId", "l.status = 'PUBLISHED'",
                "l.confirmed_at < now() - make_interval(days => :staleDays)"),
                Map.of("organizationId", id, "staleDays", Service.STALE_AFTER_DAYS), first, after);
    }

    private ServiceConnection page(KeysetQuery query, List<String> where, Map<String, Object> params, Integer first,
            String after) {
        KeysetQuery.Page page = query.fetch(sql, ServiceQueries.SELECT.formatted("CAST(NULL AS double precision)"),
                where, params, after, Paging.pageSize(first));
        return new ServiceConnection(page.edges((cursor, row) -> new ServiceConnection.ServiceEdge(cursor, ServiceQueries.service(row))),
                page.pageInfo(after != null));
    }
}
