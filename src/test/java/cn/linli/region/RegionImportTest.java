package cn.linli.region;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The region tree of a real-shaped district imported from a CSV of 统计用区划代码, by GraphQL and by
 * {@code POST /admin/import/regions}: who may, what is refused (GBK, row errors by line, nothing applied), and a
 * re-import that updates names and figures.
 */
@QuarkusTest
class RegionImportTest {
    static final String ADMIN = Tokens.of("import-admin", "admin");
    static final String HEADER = "code,name,level,parentCode,lat,lng,population,aged60Plus,children0To3,children3To12\n";
    static final String IMPORT = "mutation($csv: String!) { importRegions(input: {csv: $csv}) { rows created updated unchanged } }";
    static final String REGION = "query($code: String) { region(code: $code) { code name level levelLabel centroid { lat lng } "
            + "population aged60Plus children0To3 children3To12 parent { code } children { code } } }";

    /** 西固区-shaped: a district, a street, three communities and two grids, children listed before their parents. */
    static String district(String d) {
        return HEADER
                + d + "001001001,第一网格,GRID,," + "36.0881,103.6281,1200,300,40,110\n"
                + d + "001001,福利路社区,COMMUNITY," + d + "001000,36.0880,103.6280,8600,1900,310,820\n"
                + d + "000000,西固区,DISTRICT,,36.0900,103.6300,370000,80000,12000,36000\n"
                + d + "001000,西固城街道,STREET," + d + "000000,36.0890,103.6290,,,,\n"
                + d + "001002,合水路社区,COMMUNITY," + d + "001,36.0870,103.6270,7100,1500,250,700\n"
                + "\"" + d + "001003\",\"公园路社区\",社区,,36.0860,103.6260,6900,1400,240,650\n"
                + d + "001001002,第二网格,网格," + d + "001001,,,,,,\n";
    }

    static Response rest(String token, byte[] body) {
        var request = given().contentType("text/csv").body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/admin/import/regions");
    }

    @Test
    void anAdminImportsAStreetThreeCommunitiesAndTwoGridsThenAReImportUpdatesThem() {
        GraphQL admin = GraphQL.as(ADMIN);
        JsonPath result = admin.data(IMPORT, Map.of("csv", district("620104")));
        assertEquals(7, result.getInt("importRegions.rows"));
        assertEquals(7, result.getInt("importRegions.created"));
        JsonPath street = GraphQL.anonymous().data(REGION, Map.of("code", "620104001"));
        assertEquals("西固城街道", street.getString("region.name"));
        assertEquals("STREET", street.getString("region.level"));
        assertEquals("620104", street.getString("region.parent.code"));
        assertEquals(List.of("620104001001", "620104001002", "620104001003"), street.getList("region.children.code"));
        JsonPath community = GraphQL.anonymous().data(REGION, Map.of("code", "620104001001"));
        assertEquals("社区", community.getString("region.levelLabel"));
        assertEquals(8600, community.getInt("region.population"));
        assertEquals(310, community.getInt("region.children0To3"));
        assertEquals(36.088, community.getDouble("region.centroid.lat"), 1e-9);
        assertEquals(List.of("620104001001001", "620104001001002"), community.getList("region.children.code"));
        assertEquals("GRID", GraphQL.anonymous().data(REGION, Map.of("code", "620104001001002")).getString("region.level"));

        // the same file again changes nothing; a new name and figures update the region, an empty cell keeps the figure
        JsonPath again = admin.data(IMPORT, Map.of("csv", district("620104")));
        assertEquals(0, again.getInt("importRegions.created"));
        assertEquals(0, again.getInt("importRegions.updated"));
        assertEquals(7, again.getInt("importRegions.unchanged"));
        JsonPath updated = admin.data(IMPORT, Map.of("csv", HEADER
                + "620104001001,福利路社区（新）,COMMUNITY,620104001,36.0885,103.6285,,2000,330,830\n"
                + "620104001002,合水路社区,COMMUNITY,620104001,36.0870,103.6270,7100,1500,250,700\n"));
        assertEquals(1, updated.getInt("importRegions.updated"));
        assertEquals(1, updated.getInt("importRegions.unchanged"));
        JsonPath renamed = GraphQL.anonymous().data(REGION, Map.of("code", "620104001001"));
        assertEquals("福利路社区（新）", renamed.getString("region.name"));
        assertEquals(8600, renamed.getInt("region.population"), "an empty cell keeps what is stored");
        assertEquals(2000, renamed.getInt("region.aged60Plus"));
        assertEquals(36.0885, renamed.getDouble("region.centroid.lat"), 1e-9);
        // never deletes: the grids not in the second file are still there
        assertEquals(2, renamed.getList("region.children").size());
    }

    @Test
    void overHttpAFileWithABomIsImportedAndNoTokenOrARoleWithoutRightsIsRefused() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = district("620105").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(csv, 0, body, bom.length, csv.length);

        Response anonymous = rest(null, body);
        assertEquals(401, anonymous.statusCode(), anonymous.asString());
        assertEquals("UNAUTHENTICATED", anonymous.jsonPath().getString("code"));
        Response resident = rest(Tokens.of("import-resident", "resident"), body);
        assertEquals(403, resident.statusCode(), resident.asString());
        assertEquals("FORBIDDEN", resident.jsonPath().getString("code"));
        assertNull(GraphQL.anonymous().post(REGION, Map.of("code", "620105")).jsonPath().get("data.region"));

        Response imported = rest(ADMIN, body);
        assertEquals(200, imported.statusCode(), imported.asString());
        assertEquals(7, imported.jsonPath().getInt("created"));
        assertEquals("西固区", GraphQL.anonymous().data(REGION, Map.of("code", "620105")).getString("region.name"),
                "the BOM is not part of the first column's name");
        Response plain = given().contentType("application/json").header("Authorization", "Bearer " + ADMIN).body("{}")
                .post("/admin/import/regions");
        assertEquals(415, plain.statusCode());
        assertEquals("VALIDATION", plain.jsonPath().getString("code"));
    }

    @Test
    void aGbkFileIsRefusedWithAMessageToSaveItAsUtf8() {
        byte[] gbk = district("620111").getBytes(Charset.forName("GBK"));
        Response refused = rest(ADMIN, gbk);
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("VALIDATION", refused.jsonPath().getString("code"));
        assertTrue(refused.jsonPath().getString("message").contains("UTF-8"), refused.asString());
        // read as UTF-8 by a console before sending, the same bytes become U+FFFD: refused the same way
        String mangled = new String(gbk, StandardCharsets.UTF_8);
        Map<String, Object> error = GraphQL.as(ADMIN).error(IMPORT, Map.of("csv", mangled));
        assertEquals("VALIDATION", GraphQL.code(error));
        assertEquals("input.csv", GraphQL.field(error));
        assertTrue(String.valueOf(error.get("message")).contains("UTF-8"));
        assertNull(GraphQL.anonymous().post(REGION, Map.of("code", "620111")).jsonPath().get("data.region"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRowErrorIsReportedWithItsLineAndNothingIsApplied() {
        String csv = HEADER
                + "620121,永登县,DISTRICT,,36.73,103.26,530000,110000,16000,50000\n" // line 2: fine
                + "62012100100,城关镇,STREET,620121,36.74,103.27,,,,\n" // line 3: 11 digits
                + "620121002,柳树镇,COMMUNITY,620121,36.70,103.20,,,,\n" // line 4: a street's code, said COMMUNITY
                + "620121009001,无主社区,COMMUNITY,,36.70,103.20,5000,1000,100,500\n" // line 5: its street is nowhere
                + "\"620121002001\",\"柳树\n村\",COMMUNITY,620121002,36.70,103.20,-5,1000,100,500\n" // lines 6–7: a line break, -5
                + "\n" // line 8: blank, skipped
                + "620121002002,下川村,COMMUNITY,620121002,91,103.2,400,500,10,20\n"; // line 9: lat 91, aged over population
        Map<String, Object> error = GraphQL.as(ADMIN).error(IMPORT, Map.of("csv", csv));
        assertEquals("VALIDATION", GraphQL.code(error));
        assertEquals("input.csv", GraphQL.field(error));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) error.get("extensions")).get("rowErrors");
        List<String> found = rows.stream().map(row -> row.get("line") + ":" + row.get("column")).toList();
        assertEquals(List.of("3:code", "4:level", "5:parentCode", "6:name", "6:population", "9:lat", "9:aged60Plus"), found,
                String.valueOf(rows));
        assertTrue(rows.stream().allMatch(row -> !String.valueOf(row.get("message")).isBlank()));
        assertTrue(String.valueOf(error.get("message")).contains("7"), "the message counts the errors: " + error.get("message"));
        assertNull(GraphQL.anonymous().post(REGION, Map.of("code", "620121")).jsonPath().get("data.region"),
                "the district on line 2 was fine, and is not imported either");

        Response overHttp = rest(ADMIN, csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, overHttp.statusCode());
        assertEquals(7, overHttp.jsonPath().getList("rowErrors").size());
        assertEquals(3, overHttp.jsonPath().getInt("rowErrors[0].line"));
        assertEquals("code", overHttp.jsonPath().getString("rowErrors[0].column"));
    }

    @Test
    void anOfficialImportsWithinTheirSubtreeOnly() {
        GraphQL admin = GraphQL.as(ADMIN);
        admin.data(IMPORT, Map.of("csv", HEADER + "620122,皋兰县,DISTRICT,,36.33,103.95,,,,\n"
                + "620122001,石洞镇,STREET,620122,36.33,103.94,,,,\n620122002,忠和镇,STREET,620122,36.20,103.90,,,,\n"));
        admin.data("mutation { appointOfficial(input: {subject: \"import-official\", regionCode: \"620122001\", "
                + "unitName: \"石洞镇人民政府\"}) { subject } }");
        GraphQL official = GraphQL.as(Tokens.of("import-official", "gov_official"));
        String outside = HEADER + "620122001001,石洞村,COMMUNITY,620122001,36.33,103.94,3000,700,90,300\n"
                + "620122002001,忠和村,COMMUNITY,620122002,36.20,103.90,3000,700,90,300\n";
        Map<String, Object> error = official.error(IMPORT, Map.of("csv", outside));
        assertEquals("FORBIDDEN", GraphQL.code(error));
        assertTrue(String.valueOf(error.get("message")).contains("3"), "names the line: " + error.get("message"));
        assertNull(GraphQL.anonymous().post(REGION, Map.of("code", "620122001001")).jsonPath().get("data.region"));
        // the street's own figures and its villages are the official's to import
        JsonPath inside = official.data(IMPORT, Map.of("csv", HEADER + "620122001,石洞镇,STREET,620122,36.33,103.94,21000,5000,600,2100\n"
                + "620122001001,石洞村,COMMUNITY,620122001,36.33,103.94,3000,700,90,300\n"));
        assertEquals(1, inside.getInt("importRegions.created"));
        assertEquals(1, inside.getInt("importRegions.updated"));
        // a district official of elsewhere and an organization's staff: FORBIDDEN
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("official-qlh", "gov_official"))
                .error(IMPORT, Map.of("csv", outside))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("import-staff", "org_staff")).error(IMPORT, Map.of("csv", outside))));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(IMPORT, Map.of("csv", outside))));
    }

    /** A district of {@code rows} regions: streets of up to 499 communities each. */
    static String generated(String district, int rows) {
        StringBuilder csv = new StringBuilder(HEADER).append(district).append(",生成区,DISTRICT,,36.0,103.0,,,,\n");
        int streets = (rows - 1 + 499) / 500;
        int communities = rows - 1 - streets;
        for (int s = 1; s <= streets; s++) {
            String street = district + String.format("%03d", s);
            csv.append(street).append(",生成街道").append(s).append(",STREET,").append(district).append(",36.0,103.0,,,,\n");
            for (int c = 1; c <= 499 && communities > 0; c++, communities--) {
                csv.append(street).append(String.format("%03d", c)).append(",生成社区").append(s).append('-').append(c)
                        .append(",COMMUNITY,").append(street).append(',').append(36 + c / 1000.0).append(',').append(103 + s / 1000.0)
                        .append(",8000,1600,300,800\n");
            }
        }
        return csv.toString();
    }

    /** 20 000 rows by default; {@code -Dlinli.import.rows=100000} measures the largest file by hand. */
    @Test
    void twentyThousandGeneratedRowsAreImportedInOneRequest() {
        int rows = Integer.getInteger("linli.import.rows", 20_000);
        byte[] csv = generated("659001", rows).getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        Response imported = rest(ADMIN, csv);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, imported.statusCode(), imported.asString().substring(0, Math.min(2000, imported.asString().length())));
        assertEquals(rows, imported.jsonPath().getInt("created"));
        System.out.printf("imported %d regions (%d bytes) in %d ms%n", rows, csv.length, millis);
        JsonPath street = GraphQL.anonymous().data(REGION, Map.of("code", "659001002"));
        assertEquals(499, street.getList("region.children").size());
        // and again: every one is there already, unchanged
        Response again = rest(ADMIN, csv);
        assertEquals(rows, again.jsonPath().getInt("unchanged"), again.asString().substring(0, Math.min(500, again.asString().length())));
        System.out.printf("re-imported %d unchanged regions in %d ms%n", rows, (System.nanoTime() - started) / 1_000_000 - millis);
    }
}
