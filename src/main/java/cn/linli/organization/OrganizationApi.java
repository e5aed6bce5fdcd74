package cn.linli.organization;

import cn.linli.catalog.Category;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.identity.Access;
import cn.linli.identity.MemberRole;
import cn.linli.common.Ids;
import cn.linli.common.Keyword;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.NotFoundException;
import cn.linli.common.Paging;
import cn.linli.common.Sql;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@ApiErrors
public class OrganizationApi {
    private static final String SELECT = "SELECT " + OrganizationQueries.COLUMNS + " FROM organization o";
    /** Valid rating level first (expired counts as none), then newest. */
    private static final KeysetQuery BY_RATING = new KeysetQuery("org-rating", List.of(
            new Key("(CASE WHEN o.rating_expires_on >= CURRENT_DATE THEN coalesce(o.rating_level, 0) ELSE 0 END)", "integer"),
            new Key("o.id", "bigint")), true);

    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;
    @Inject
    Access access;
    @Inject
    Caller caller;

    @Query("organizations")
    @Description("Active organizations, best rated first (filter.status: other states for officials over the region). "
            + "`first` is at most 100.")
    @NonNull
    public OrganizationConnection organizations(
            @Name("filter") @Description("Which organizations (all fields optional).") OrganizationFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        int pageSize = Paging.pageSize(first);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        OrganizationStatus status = filter == null ? null : filter.status();
        if (status == null) {
            where.add(OrganizationStatus.SHOWS_SERVICES_SQL);
        } else {
            where.add("o.status = :status");
            params.put("status", status.name());
            if (!status.showsServices()) {
                // a work queue: only within the official's jurisdiction
                String scopeCode = filter.regionCode() != null ? filter.regionCode()
                        : access.jurisdiction().map(Access.Jurisdiction::regionCode).orElse(null);
                if (scopeCode == null) {
                    caller.requireRole(Caller.OFFICIAL);
                    throw new ForbiddenException("error.outsideJurisdiction");
                }
                Region scope = regions.require(scopeCode, "filter.regionCode");
                access.requireOfficialOver(scope.id());
                where.add("o.region_id IN (SELECT r.id FROM region r WHERE r.path @> ARRAY[CAST(:scopeCode AS text)])");
                params.put("scopeCode", scope.code());
            }
        }
        if (filter != null) {
            Keyword keyword = Keyword.parse(filter.keyword(), "filter.keyword");
            if (keyword != null) {
                where.add(keyword.condition("o.name", "kw", params));
            }
            if (filter.categoryCode() != null) {
                Category category = categories.require(filter.categoryCode(), "filter.categoryCode");
                where.add("o.service_category_codes && ARRAY(SELECT d.code FROM category d WHERE d.path LIKE :categoryPath)");
                params.put("categoryPath", category.path() + "%");
            }
            if (filter.regionCode() != null) {
                Region region = regions.require(filter.regionCode(), "filter.regionCode");
                where.add("o.region_id IN (SELECT r.id FROM region r WHERE r.path @> ARRAY[CAST(:regionCode AS text)])");
                params.put("regionCode", region.code());
            }
            if (filter.minRatingLevel() != null) {
                where.add("o.rating_level >= :minRating AND o.rating_expires_on >= CURRENT_DATE");
                params.put("minRating", filter.minRatingLevel().stars());
            }
        }
        KeysetQuery.Page page = BY_RATING.fetch(sql, SELECT, where, params, after, pageSize);
        return new OrganizationConnection(page.edges((cursor, row) -> new OrganizationConnection.OrganizationEdge(cursor,
                OrganizationQueries.organization(row))), page.pageInfo(after != null), page.totalCount());
    }

    @Description("How many organizations match the filter in all, over every page (counted only when asked for: a console's "
            + "page numbers).")
    public int totalCount(@Source OrganizationConnection page) {
        return page.total().getAsInt();
    }

    @Query("organization")
    @Description("One organization by id. Only active ones are public; members and officials of its region also see it in other states.")
    @NonNull
    public Organization organization(@Name("id") @Description("The organization's id.") @Id String id) {
        long organizationId = Ids.parse(id, "id");
        Organization organization = sql.rows(SELECT + " WHERE o.id = :id", Map.of("id", organizationId)).stream()
                .map(OrganizationQueries::organization).findFirst()
                .orElseThrow(() -> new NotFoundException("error.organization.notFound", id));
        if (!organization.status().showsServices() && access.membership(organizationId).isEmpty()
                && !access.governs(organization.regionId())) {
            throw new NotFoundException("error.organization.notFound", id);
        }
        return organization;
    }

    @Description("Members and their roles: for the organization's own members and the officials of its region.")
    public List<List<@NonNull Member>> members(@Source List<Organization> organizations) {
        for (Organization organization : organizations) {
            if (access.membership(Long.parseLong(organization.id())).isEmpty() && !access.governs(organization.regionId())) {
                caller.requireAuthenticated();
                throw new ForbiddenException("error.notMember");
            }
        }
        Map<String, List<Member>> byOrganization = new HashMap<>();
        for (var row : sql.rows("SELECT organization_id, subject, role, added_at FROM organization_member "
                + "WHERE organization_id IN (:ids) ORDER BY role, added_at",
                Map.of("ids", organizations.stream().map(o -> Long.parseLong(o.id())).toList()))) {
            byOrganization.computeIfAbsent(row.string("organization_id"), k -> new ArrayList<>())
                    .add(new Member(row.string("subject"), MemberRole.valueOf(row.string("role")), row.dateTime("added_at")));
        }
        return organizations.stream().map(o -> byOrganization.getOrDefault(o.id(), List.of())).toList();
    }

    @Description("Why it was rejected, barred or deregistered, as the official wrote it: for the organization's own members "
            + "and the officials of its region (others: FORBIDDEN). Null while nothing was decided against it.")
    public List<String> statusReason(@Source List<Organization> organizations) {
        for (Organization organization : organizations) {
            if (access.membership(Long.parseLong(organization.id())).isEmpty() && !access.governs(organization.regionId())) {
                caller.requireAuthenticated();
                throw new ForbiddenException("error.notMember");
            }
        }
        Map<String, String> byOrganization = new HashMap<>();
        for (var row : sql.rows("SELECT id, status_reason FROM organization WHERE id IN (:ids)",
                Map.of("ids", organizations.stream().map(o -> Long.parseLong(o.id())).toList()))) {
            byOrganization.put(row.string("id"), row.string("status_reason"));
        }
        return organizations.stream().map(o -> byOrganization.get(o.id())).toList();
    }

    @Description("A member of an organization.")
    public record Member(
            @Description("The member's token subject.") @NonNull String subject,
            @Description("OWNER or STAFF.") @NonNull MemberRole role,
            @Description("When the member was added (for the one who registered the organization: the registration).")
            @NonNull java.time.OffsetDateTime addedAt) {
    }

    @Description("The region where the organization is registered.")
    public List<Region> region(@Source List<Organization> organizations) {
        Map<Long, Region> byId = regions.byIds(organizations.stream().map(Organization::regionId).distinct().toList())
                .stream().collect(Collectors.toMap(Region::id, Function.identity()));
        return organizations.stream().map(o -> byId.get(o.regionId())).toList();
    }

    @Description("The categories the organization serves.")
    @NonNull
    public List<List<@NonNull Category>> serviceCategories(@Source List<Organization> organizations) {
        Map<String, Category> byCode = categories.all().stream().collect(Collectors.toMap(Category::code, Function.identity()));
        return organizations.stream()
                .map(o -> o.serviceCategoryCodes().stream().map(byCode::get).filter(c -> c != null).toList()).toList();
    }
}
