package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogQueriesTest {
    @Test
    void categoriesCarryChineseLabelsByDefault() {
        JsonPath tree = GraphQL.anonymous().data(GraphQL.operation("Categories"));
        List<String> top = tree.getList("categories.name");
        assertTrue(top.containsAll(List.of("养老服务", "托育/育幼", "物业服务", "家政服务", "健康卫生", "扶残助困", "法律援助", "心理咨询")), top.toString());
        assertEquals(List.of("助餐", "助浴", "助医", "上门照护", "日间照料", "康复护理", "精神慰藉", "探访关爱", "适老化改造"),
                tree.getList("categories.find { it.code == 'elderly' }.children.name"));
        assertTrue(tree.<String>getList("categories.find { it.code == 'property' }.children.name").contains("物业托管"));
    }

    @Test
    void categoriesSpeakEnglishWhenAsked() {
        JsonPath tree = GraphQL.anonymous().inEnglish().data(GraphQL.operation("Categories"));
        assertEquals("Elderly care", tree.getString("categories.find { it.code == 'elderly' }.name"));
        assertEquals("Meal assistance", tree.getString("categories.find { it.code == 'elderly' }.children.find { it.code == 'elderly.meal' }.name"));
    }

    @Test
    void enumLabelsFollowTheLanguage() {
        String query = "{ services(filter: {mode: HOME_VISIT, regionCode: \"620103\"}, first: 1) { edges { node { modeLabel } } } }";
        assertEquals("上门", GraphQL.anonymous().data(query).getString("services.edges[0].node.modeLabel"));
        assertEquals("Home visit", GraphQL.anonymous().inEnglish().data(query).getString("services.edges[0].node.modeLabel"));
    }

    @Test
    void unknownRegionParentIsAValidationError() {
        Map<String, Object> error = GraphQL.anonymous().error(GraphQL.operation("Regions"), Map.of("parentCode", "000"));
        assertEquals("VALIDATION", GraphQL.code(error));
        assertEquals("parentCode", GraphQL.field(error));
    }
}
