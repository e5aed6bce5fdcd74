package cn.linli.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports over HTTP, against a cycle published through the evaluation flow ({@link ReportWorld}): the 公示 page,
 * its XLSX and CSV hold what the GraphQL {@code rankings} query says; coverage and spending are for officials over
 * the region and hold what GraphQL and the contracts say.
 */
@QuarkusTest
class ReportsTest {
    static final Pattern ROW = Pattern.compile("<tr data-evaluation-id=\"(\\d+)\"><td class=\"num rank\">([^<]*)</td>"
            + "<td class=\"org\">([^<]*)</td><td class=\"num total\">([^<]*)</td><td class=\"grade\">([^<]*)</td>"
            + "<td class=\"outcomes\">([^<]*)</td></tr>");
    static final String RANKINGS = "query($c: ID!) { rankings(regionCode: \"990800\", categoryCode: \"elderly\", cycleId: $c) "
            + "{ id organizationName total grade gradeLabel rank } }";
    static final String EN_NOT_FOUND = "No such evaluation cycle (or it is not visible to you).";

    @Inject
    Fixtures fixtures;
    ReportWorld.World world;

    @BeforeEach
    void world() {
        world = ReportWorld.get(fixtures);
    }

    /** What rankings says, by organization name: [rank, total, grade label]. */
    Map<String, List<Object>> rankings() {
        Map<String, List<Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> e : GraphQL.anonymous().data(RANKINGS, Map.of("c", world.cycleId())).<Map<String, Object>>getList("rankings")) {
            byName.put((String) e.get("organizationName"), List.of(e.get("rank"), ((Number) e.get("total")).doubleValue(), e.get("gradeLabel")));
        }
        assertEquals(3, byName.size(), "the three organizations of the district are ranked: " + byName);
        return byName;
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static String filenameStar(Response response) {
        String disposition = response.header("Content-Disposition");
        Matcher star = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(disposition);
        assertTrue(star.find(), disposition);
        return URLDecoder.decode(star.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    void thePublishedPageHoldsEachOrganizationWithTheTotalGradeAndRankOfRankings() {
        Response response = given().get("/reports/evaluation-cycles/" + world.cycleId());
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=utf-8", response.contentType().replace(" ", "").toLowerCase());
        assertTrue(response.header("Cache-Control").startsWith("public"), "published, anonymous: a CDN may keep it");
        assertTrue(response.header("Content-Disposition").startsWith("inline;"));
        assertEquals("评估结果公示-" + ReportWorld.CYCLE_NAME + ".html", filenameStar(response));
        String html = response.asString();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assertTrue(html.contains("@page { size: A4"), "print styles for A4");

        Map<String, List<Object>> rankings = rankings();
        Matcher row = ROW.matcher(html);
        Map<String, List<Object>> shown = new LinkedHashMap<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        while (row.find()) {
            String name = unescape(row.group(3));
            shown.put(name, List.of(Integer.parseInt(row.group(2)), Double.parseDouble(row.group(4)), row.group(5)));
            outcomes.put(name, row.group(6));
        }
        assertEquals(rankings, shown, "the page's table is what rankings says, best first");
        assertEquals(List.of(1, 95.0, "优秀"), shown.get(ReportWorld.GOOD_NAME));
        assertEquals(List.of(3, 50.0, "不合格"), shown.get(ReportWorld.FORMULA_NAME));
        assertEquals(new ArrayList<>(rankings.keySet()), new ArrayList<>(shown.keySet()), "in the order of the ranks");
        assertTrue(html.contains(">95.00<"), "totals with two decimals");

        // outcomes as the policy applied them
        String failed = outcomes.get(ReportWorld.FORMULA_NAME);
        assertTrue(failed.contains("暂停拨付合同未付款项 1 笔"), failed);
        assertTrue(failed.contains("禁止参与政府购买服务至 " + Texts.date(LocalDate.now(Bookings.CHINA).plusMonths(12))), failed);
        assertTrue(outcomes.get(ReportWorld.GOOD_NAME).contains("合同期满可不经招标续签"), outcomes.get(ReportWorld.GOOD_NAME));
        assertEquals("—", outcomes.get(ReportWorld.MARKUP_NAME), "良好: nothing applied");

        // scope, template and weights, thresholds, the appeal window
        assertTrue(html.contains("报表测试区（990800）及所辖地区"));
        assertTrue(html.contains("<td>服务规范</td><td>第三方评估人员评分</td><td class=\"num\">100</td>"));
        assertTrue(html.contains("优秀 ≥ 90 分，良好 ≥ 80 分，合格 ≥ 60 分"));
        assertTrue(html.contains("公示之日起 15 日内（截至 <strong id=\"appeal-until\">"), "the appeal window is open");
        assertTrue(html.contains("appealEvaluation"), "how to appeal");
        assertFalse(html.contains("id=\"draft\""), "published: no draft banner");

        // the charts: one bar per grade with its count, one bar per organization
        assertTrue(html.contains("<svg id=\"grade-chart\""));
        for (String grade : List.of("EXCELLENT", "GOOD", "FAIL")) {
            assertTrue(html.contains("data-grade=\"" + grade + "\" data-count=\"1\""), grade);
        }
        assertTrue(html.contains("data-grade=\"PASS\" data-count=\"0\""));
        String ranking = html.substring(html.indexOf("<svg id=\"ranking-chart\""), html.indexOf("</svg>", html.indexOf("<svg id=\"ranking-chart\"")));
        assertEquals(3, ranking.split("<g class=\"bar\"", -1).length - 1, "one bar per organization");
        assertTrue(ranking.contains("data-total=\"85.00\""));
    }

    @Test
    void organizationNamesAreEscapedAndThePageLoadsNothing() {
        Response response = given().get("/reports/evaluation-cycles/" + world.cycleId());
        String html = response.asString();
        assertFalse(html.contains("<script"), "the name's markup is text, not a script");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;报表乙社工站&amp;"), "shown as written, in the table");
        String ranking = html.substring(html.indexOf("<svg id=\"ranking-chart\""));
        assertTrue(ranking.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/scri"), "and in the chart");
        for (String external : List.of("<link", " src=", " href=", "@import", "url(")) {
            assertFalse(html.contains(external), "nothing external: " + external);
        }
        assertTrue(response.header("Content-Security-Policy").startsWith("default-src 'none'"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
    }

    @Test
    void theSpreadsheetHoldsTheSameFigures() throws IOException {
        Response response = given().queryParam("format", "xlsx").get("/reports/evaluation-cycles/" + world.cycleId());
        assertEquals(200, response.statusCode());
        assertEquals(ReportResource.XLSX, response.contentType());
        assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"evaluation-cycle-" + world.cycleId() + ".xlsx\""));
        assertEquals("评估结果公示-" + ReportWorld.CYCLE_NAME + ".xlsx", filenameStar(response));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("评估结果", sheet.getSheetName());
            Row header = sheet.getRow(0);
            assertEquals(List.of("排名", "机构名称", "总分", "等级", "结果运用"), List.of(header.getCell(0).getStringCellValue(),
                    header.getCell(1).getStringCellValue(), header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue(),
                    header.getCell(4).getStringCellValue()));
            Map<String, List<Object>> shown = new LinkedHashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertEquals(CellType.NUMERIC, row.getCell(0).getCellType(), "ranks are numbers");
                assertEquals(CellType.NUMERIC, row.getCell(2).getCellType(), "totals are numbers");
                shown.put(row.getCell(1).getStringCellValue(), List.of((int) row.getCell(0).getNumericCellValue(),
                        row.getCell(2).getNumericCellValue(), row.getCell(3).getStringCellValue()));
            }
            assertEquals(rankings(), shown);
            assertTrue(sheet.getRow(3).getCell(4).getStringCellValue().contains("暂停拨付"), "outcomes in the sheet too");
            Sheet facts = book.getSheet("考核说明");
            assertNotNull(facts);
            assertEquals(ReportWorld.CYCLE_NAME, facts.getRow(0).getCell(1).getStringCellValue());
            Sheet weights = book.getSheet("指标与权重");
            assertEquals("服务规范", weights.getRow(1).getCell(0).getStringCellValue());
            assertEquals("100", weights.getRow(1).getCell(1).getStringCellValue());
        }
    }

    @Test
    void theCsvHoldsTheSameFiguresInUtf8WithABomAndDefusesFormulas() throws IOException {
        Response response = given().queryParam("format", "csv").get("/reports/evaluation-cycles/" + world.cycleId());
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertTrue(response.header("Content-Disposition").contains("filename=\"evaluation-cycle-" + world.cycleId() + ".csv\""));
        byte[] body = response.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "a BOM, so Excel reads UTF-8");
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new InputStreamReader(new ByteArrayInputStream(body, 3, body.length - 3),
                StandardCharsets.UTF_8)).getRecords();
        assertEquals("排名", records.get(0).get(0));
        Map<String, List<Object>> shown = new LinkedHashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            String name = record.get(1).startsWith("'=") ? record.get(1).substring(1) : record.get(1);
            shown.put(name, List.of(Integer.parseInt(record.get(0)), Double.parseDouble(record.get(2)), record.get(3)));
        }
        assertEquals(rankings(), shown);
        assertTrue(records.stream().anyMatch(r -> r.get(1).equals("'" + ReportWorld.FORMULA_NAME)),
                "a name that starts like a formula is written as text");
        assertTrue(records.stream().anyMatch(r -> r.get(2).equals("95.00")));
    }

    @Test
    void anUnknownFormatIsA400InJson() {
        for (String format : List.of("pdf", "xls", "html%00")) {
            JsonPath error = given().urlEncodingEnabled(format.indexOf('%') < 0).queryParam("format", format)
                    .get("/reports/evaluation-cycles/" + world.cycleId()).then().statusCode(400).contentType("application/json")
                    .extract().jsonPath();
            assertEquals("VALIDATION", error.getString("code"));
            assertTrue(error.getString("message").contains("xlsx"), error.getString("message"));
        }
        assertEquals("VALIDATION", given().queryParam("format", "shapefile").header("Authorization", "Bearer " + ReportWorld.OFFICIAL)
                .queryParam("regionCode", ReportWorld.DISTRICT).get("/reports/coverage").then().statusCode(400).extract().path("code"));
        assertEquals("VALIDATION", given().get("/reports/evaluation-cycles/abc").then().statusCode(400).extract().path("code"));
        assertEquals("NOT_FOUND", given().get("/reports/nothing-here").then().statusCode(404).extract().path("code"));
    }

    @Test
    void anUnpublishedCycleIsNotFoundForThePublicAndOtherOfficialsAndADraftForItsOfficials() {
        String path = "/reports/evaluation-cycles/" + world.unpublishedCycleId();
        JsonPath anonymous = given().get(path).then().statusCode(404).contentType("application/json").extract().jsonPath();
        assertEquals("NOT_FOUND", anonymous.getString("code"));
        assertEquals("找不到考核周期。", anonymous.getString("message"));
        assertEquals("NOT_FOUND", given().queryParam("format", "xlsx").get(path).then().statusCode(404).extract().path("code"));
        assertEquals("NOT_FOUND", given().header("Authorization", "Bearer " + ReportWorld.OTHER_OFFICIAL).get(path)
                .then().statusCode(404).extract().path("code"), "an official of another district");
        assertEquals(404, given().header("Authorization", "Bearer " + Tokens.of("report-owner-x", "org_staff")).get(path).statusCode());
        assertEquals(EN_NOT_FOUND, given().header("Accept-Language", "en").get(path).then().statusCode(404).extract().path("message"),
                "in the caller's language");
        assertEquals(404, given().get("/reports/evaluation-cycles/987654321").statusCode());

        Response draft = given().header("Authorization", "Bearer " + ReportWorld.OFFICIAL).get(path);
        assertEquals(200, draft.statusCode(), "officials over the region review it before publishing");
        assertTrue(draft.asString().contains("id=\"draft\""), "marked as not for publication");
        assertTrue(draft.asString().contains("尚未公布"));
        assertEquals("private, no-store", draft.header("Cache-Control"));
        assertEquals(401, given().header("Authorization", "Basic eDp5").get("/reports/evaluation-cycles/" + world.cycleId()).statusCode(),
                "a header that is not a bearer token");
        assertEquals(401, as(Tokens.expired(ReportWorld.OFFICIAL_SUBJECT, "gov_official")).get(path).statusCode(), "an expired token");
    }

    RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    @Test
    void coverageIsForOfficialsOverTheRegion() {
        for (String format : List.of("xlsx", "csv", "geojson")) {
            Response anonymous = given().queryParam("regionCode", ReportWorld.DISTRICT).queryParam("format", format).get("/reports/coverage");
            assertEquals(401, anonymous.statusCode(), format);
            assertEquals("UNAUTHENTICATED", anonymous.jsonPath().getString("code"));
            assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
            assertEquals("FORBIDDEN", as(ReportWorld.OTHER_OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("format", format)
                    .get("/reports/coverage").then().statusCode(403).extract().path("code"), "an official of another district");
            assertEquals("FORBIDDEN", as(Tokens.of("report-resident", "resident")).queryParam("regionCode", ReportWorld.DISTRICT)
                    .queryParam("format", format).get("/reports/coverage").then().statusCode(403).extract().path("code"));
        }
        assertEquals("VALIDATION", as(ReportWorld.OFFICIAL).queryParam("regionCode", "000000000").get("/reports/coverage")
                .then().statusCode(400).extract().path("code"));
        assertEquals("VALIDATION", as(ReportWorld.OFFICIAL).get("/reports/coverage").then().statusCode(400).extract().path("code"),
                "regionCode is required");
    }

    @Test
    void coverageSheetsAndGeoJsonHoldWhatTheCoverageQuerySays() throws IOException {
        List<Map<String, Object>> graphql = GraphQL.as(ReportWorld.OFFICIAL).data("{ coverage(regionCode: \"990800\", categoryCode: \"elderly\") "
                + "{ regionCode name services capacity population aged60Plus nearestServiceMeters gap } }").getList("coverage");
        assertEquals(List.of(ReportWorld.COVERED, ReportWorld.UNCOVERED), graphql.stream().map(c -> c.get("regionCode")).toList());
        assertEquals(false, graphql.get(0).get("gap"));
        assertEquals(true, graphql.get(1).get("gap"));

        Response csv = as(ReportWorld.OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("categoryCode", "elderly")
                .queryParam("format", "csv").get("/reports/coverage");
        assertEquals(200, csv.statusCode());
        assertEquals("private, no-store", csv.header("Cache-Control"));
        byte[] body = csv.asByteArray();
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new InputStreamReader(new ByteArrayInputStream(body, 3, body.length - 3),
                StandardCharsets.UTF_8)).getRecords();
        List<String> header = records.get(0).toList();
        assertEquals("社区代码", header.get(0));
        for (int i = 0; i < graphql.size(); i++) {
            CSVRecord record = records.get(i + 1);
            Map<String, Object> expected = graphql.get(i);
            assertEquals(expected.get("regionCode"), record.get(header.indexOf("社区代码")));
            assertEquals(expected.get("name"), record.get(header.indexOf("社区名称")));
            assertEquals(String.valueOf(expected.get("services")), record.get(header.indexOf("覆盖服务数")));
            assertEquals(String.valueOf(expected.get("capacity")), record.get(header.indexOf("每时段服务容量")));
            assertEquals(String.valueOf(expected.get("aged60Plus")), record.get(header.indexOf("60岁及以上人口")));
            assertEquals(((Boolean) expected.get("gap")) ? "是" : "否", record.get(header.indexOf("服务缺口")));
            assertEquals(((Number) expected.get("nearestServiceMeters")).doubleValue(),
                    Double.parseDouble(record.get(header.indexOf("最近服务距离（米）"))), 0.05);
        }

        Response xlsx = as(ReportWorld.OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("categoryCode", "elderly")
                .get("/reports/coverage");
        assertEquals(ReportResource.XLSX, xlsx.contentType(), "XLSX when no format is asked for");
        assertEquals("服务覆盖-990800-elderly.xlsx", filenameStar(xlsx));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(graphql.size(), sheet.getLastRowNum());
            List<String> columns = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(cell -> columns.add(cell.getStringCellValue()));
            for (int i = 0; i < graphql.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertEquals(graphql.get(i).get("regionCode"), row.getCell(columns.indexOf("社区代码")).getStringCellValue());
                assertEquals(((Number) graphql.get(i).get("services")).doubleValue(),
                        row.getCell(columns.indexOf("覆盖服务数")).getNumericCellValue());
                assertEquals(((Number) graphql.get(i).get("population")).doubleValue(),
                        row.getCell(columns.indexOf("常住人口")).getNumericCellValue());
            }
        }

        Response geo = as(ReportWorld.OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("categoryCode", "elderly")
                .queryParam("format", "geojson").get("/reports/coverage");
        assertEquals(200, geo.statusCode());
        assertEquals("application/geo+json", geo.contentType());
        JsonPath features = geo.jsonPath();
        assertEquals("FeatureCollection", features.getString("type"));
        assertEquals(2, features.getList("features").size());
        assertEquals("Point", features.getString("features[0].geometry.type"));
        assertEquals(List.of(123.0f, 33.0f), features.getList("features[0].geometry.coordinates"), "[lng, lat]");
        assertEquals(List.of(123.05f, 33.05f), features.getList("features[1].geometry.coordinates"));
        for (int i = 0; i < graphql.size(); i++) {
            assertEquals(graphql.get(i).get("regionCode"), features.getString("features[" + i + "].properties.regionCode"));
            assertEquals(graphql.get(i).get("gap"), features.getBoolean("features[" + i + "].properties.gap"));
            assertEquals(graphql.get(i).get("services"), features.getInt("features[" + i + "].properties.services"));
            assertEquals(graphql.get(i).get("name"), features.getString("features[" + i + "].properties.name"));
        }
    }

    @Test
    void spendingIsForOfficialsOverTheRegion() {
        String year = String.valueOf(LocalDate.now(Bookings.CHINA).getYear());
        Response anonymous = given().queryParam("regionCode", ReportWorld.DISTRICT).queryParam("year", year).get("/reports/spending");
        assertEquals(401, anonymous.statusCode());
        assertEquals("UNAUTHENTICATED", anonymous.jsonPath().getString("code"));
        assertEquals("FORBIDDEN", as(ReportWorld.OTHER_OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("year", year)
                .get("/reports/spending").then().statusCode(403).extract().path("code"));
        assertEquals("FORBIDDEN", as(Tokens.of("report-owner-" + ReportWorld.GOOD_NAME.hashCode(), "org_staff"))
                .queryParam("regionCode", ReportWorld.DISTRICT).get("/reports/spending").then().statusCode(403).extract().path("code"),
                "the organization itself does not read the district's spending");
        for (String bad : List.of("1800", "abc", "20260", "-1")) {
            JsonPath error = as(ReportWorld.OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("year", bad)
                    .get("/reports/spending").then().statusCode(400).extract().jsonPath();
            assertEquals("VALIDATION", error.getString("code"), bad);
            assertEquals("year", error.getString("field"));
        }
    }

    @Test
    void spendingShowsAwardedPaidAndWithheldInYuanPerCategoryAndOrganization() throws IOException {
        String year = String.valueOf(LocalDate.now(Bookings.CHINA).getYear());
        Response xlsx = as(ReportWorld.OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("year", year)
                .queryParam("format", "xlsx").get("/reports/spending");
        assertEquals(200, xlsx.statusCode());
        assertEquals("购买服务支出-报表测试区-" + year + ".xlsx", filenameStar(xlsx));
        Map<String, double[]> byName = new LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(List.of("类别代码", "服务类别", "机构名称", "统一社会信用代码", "合同数", "中标金额（元）", "已支付（元）", "暂扣（元）"), header,
                    "the header says the money is in yuan");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertEquals("elderly.meal", row.getCell(0).getStringCellValue());
                assertEquals("0.00", row.getCell(5).getCellStyle().getDataFormatString(), "shown with two decimals");
                byName.put(row.getCell(2).getStringCellValue(), new double[] {row.getCell(5).getNumericCellValue(),
                        row.getCell(6).getNumericCellValue(), row.getCell(7).getNumericCellValue()});
            }
            Sheet notes = book.getSheet("说明");
            assertTrue(notes.getRow(2).getCell(1).getStringCellValue().startsWith("元"));
        }
        assertEquals(3, byName.size(), byName.keySet().toString());
        assertArrayEquals(new double[] {10_000.00, 3_000.00, 0}, byName.get(ReportWorld.GOOD_NAME), 0.001);
        assertArrayEquals(new double[] {8_000.00, 0, 0}, byName.get(ReportWorld.MARKUP_NAME), 0.001);
        assertArrayEquals(new double[] {6_000.50, 0, 2_000.25}, byName.get(ReportWorld.FORMULA_NAME), 0.001, "不合格: the milestone is withheld");

        Response csv = as(ReportWorld.OFFICIAL).queryParam("regionCode", ReportWorld.STREET).queryParam("year", year)
                .queryParam("format", "csv").get("/reports/spending");
        assertEquals(200, csv.statusCode(), "a street of the district: the tenders targeted it");
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8).substring(1);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://x\"\")报表丙养老\",") || text.contains("'=HYPERLINK"), text);
        assertTrue(text.contains(",6000.50,0.00,2000.25\r\n"), text);
        assertTrue(text.contains(",10000.00,3000.00,0.00\r\n"), text);

        Response earlier = as(ReportWorld.OFFICIAL).queryParam("regionCode", ReportWorld.DISTRICT).queryParam("year", "2001")
                .queryParam("format", "csv").get("/reports/spending");
        assertEquals(1, new String(earlier.asByteArray(), StandardCharsets.UTF_8).split("\r\n").length, "another year: the header alone");
    }
}
