package cn.linli.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganizationQueriesTest {
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void world() {
        fixtures.searchWorld();
    }

    List<String> names(Map<String, Object> filter) {
        return GraphQL.anonymous().data(GraphQL.operation("Organizations"), Map.of("filter", filter, "first", 100))
                .getList("organizations.edges.node.name");
    }

    @Test
    void filtersByNameCategoryRegionAndRating() {
        assertEquals(List.of("测试甲养老服务中心", "测试乙社工站"), names(Map.of("regionCode", "990100")),
                "active only; valid rating first");
        assertEquals(List.of("测试甲养老服务中心"), names(Map.of("regionCode", "990100", "keyword", "养老")));
        assertEquals(List.of("测试乙社工站"), names(Map.of("regionCode", "990100", "categoryCode", "childcare")));
        assertEquals(List.of("测试甲养老服务中心", "测试乙社工站"), names(Map.of("regionCode", "990100", "categoryCode", "elderly")));
        assertEquals(List.of("测试甲养老服务中心"), names(Map.of("regionCode", "990100", "minRatingLevel", "A5")));
        assertEquals(List.of("测试乙社工站"), names(Map.of("regionCode", "990100001002")));
    }

    @Test
    void anOrganizationShowsItsPublicProfile() {
        long id = fixtures.id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000012'");
        JsonPath org = GraphQL.anonymous().data("""
                query($id: ID!) { organization(id: $id) { name creditCode kindLabel ratingLevelLabel contactPhone
                  region { name } serviceCategories { code } } }""", Map.of("id", String.valueOf(id)));
        assertEquals("测试甲养老服务中心", org.getString("organization.name"));
        assertEquals("52990100MJ00000012", org.getString("organization.creditCode"));
        assertEquals("社会服务机构", org.getString("organization.kindLabel"));
        assertEquals("5A", org.getString("organization.ratingLevelLabel"));
        assertEquals("甲社区", org.getString("organization.region.name"));
        assertEquals(List.of("elderly.meal", "elderly.home-care"), org.getList("organization.serviceCategories.code"));
    }

    @Test
    void suspendedOrganizationsAreNotListed() {
        long id = fixtures.id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000038'");
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.anonymous().error("query($id: ID!) { organization(id: $id) { name } }",
                Map.of("id", String.valueOf(id)))));
        assertFalse(names(Map.of("regionCode", "990100")).contains("测试丙暂停机构"));
    }

    @Test
    void pagesDoNotRepeat() {
        JsonPath first = GraphQL.anonymous().data(GraphQL.operation("Organizations"), Map.of("first", 10));
        JsonPath second = GraphQL.anonymous().data(GraphQL.operation("Organizations"),
                Map.of("first", 10, "after", first.getString("organizations.pageInfo.endCursor")));
        List<String> a = first.getList("organizations.edges.node.id");
        List<String> b = second.getList("organizations.edges.node.id");
        assertEquals(10, a.size());
        assertTrue(b.stream().noneMatch(a::contains));
    }
}
