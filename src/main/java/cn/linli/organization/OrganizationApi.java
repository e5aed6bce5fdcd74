package cn.linli.organization;

import cn.linli.catalog.Category;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.ApiErrors;
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

    @Query("organizations")
    @Description("Active organizations, best rated first. `first` is at most 100.")
    @NonNull
    public OrganizationConnection organizations(@Name("filter") OrganizationFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        int pageSize = Paging.pageSize(first);
        List<String> where = new ArrayList<>(List.of("o.status = 'ACTIVE'"));
        Map<String, Object> params = new HashMap<>();
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
        List<OrganizationConnection.OrganizationEdge> edges = new ArrayList<>();
        for (int i = 0; i < page.rows().size(); i++) {
            edges.add(new OrganizationConnection.OrganizationEdge(page.cursors().get(i),
                    OrganizationQueries.organization(page.rows().get(i))));
        }
        return new OrganizationConnection(edges, page.pageInfo(after != null));
    }

    @Query("organization")
    @Description("One organization by id. Organizations that are not active are not found.")
    @NonNull
    public Organization organization(@Name("id") @Id String id) {
        long organizationId = Ids.parse(id, "id");
        return sql.rows(SELECT + " WHERE o.id = :id AND o.status = 'ACTIVE'", Map.of("id", organizationId)).stream()
                .map(OrganizationQueries::organization).findFirst()
                .orElseThrow(() -> new NotFoundException("error.organization.notFound", id));
    }

    @Description("The region where the organization is registered.")
    public List<Region> region(@Source List<Organization> organizations) {
        Map<Long, Region> byId = regions.byIds(organizations.stream().map(Organization::regionId).distinct().toList())
                .stream().collect(Collectors.toMap(Region::id, Function.identity()));
        return organizations.stream().map(o -> byId.get(o.regionId())).toList();
    }

    @Description("The categories the organization serves.")
    @NonNull
    public List<List<Category>> serviceCategories(@Source List<Organization> organizations) {
        Map<String, Category> byCode = categories.all().stream().collect(Collectors.toMap(Category::code, Function.identity()));
        return organizations.stream()
                .map(o -> o.serviceCategoryCodes().stream().map(byCode::get).filter(c -> c != null).toList()).toList();
    }
}
