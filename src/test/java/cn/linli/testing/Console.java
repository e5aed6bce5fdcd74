package cn.linli.testing;

import cn.linli.organization.UnifiedSocialCreditCode;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The consoles' operations, as small helpers for tests. */
public final class Console {
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private Console() {
    }

    /** A valid, unused 统一社会信用代码. */
    public static String newCreditCode() {
        String first17 = "52990100MJ" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public static final String REGISTER = """
            mutation($input: RegisterOrganizationInput!) {
              registerOrganization(input: $input) { id name status version creditCode }
            }""";
    public static final String DECIDE = """
            mutation($id: ID!, $reason: String!) {
              %s(input: {id: $id, reason: $reason}) { id status version }
            }""";
    public static final String CREATE_LISTING = """
            mutation($input: CreateServiceListingInput!) {
              createServiceListing(input: $input) { id status version title daysSinceConfirmed }
            }""";
    public static final String UPDATE_LISTING = """
            mutation($input: UpdateServiceListingInput!) {
              updateServiceListing(input: $input) { id status version title weeklyHours { weekday opens closes } }
            }""";
    public static final String LISTING_ACTION = """
            mutation($id: ID!, $version: Int!) {
              %s(input: {id: $id, version: $version}) { id status version confirmedAt }
            }""";

    public static Map<String, Object> registration(String name, String code) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("creditCode", code);
        input.put("kind", "SOCIAL_SERVICE_AGENCY");
        input.put("regionCode", "990300001001");
        input.put("address", "控制台路9号");
        input.put("location", Map.of("lat", 31.0, "lng", 121.0));
        input.put("contactPhone", "0571-1234567");
        input.put("serviceCategoryCodes", List.of("elderly.meal"));
        return input;
    }

    /** A complete listing in the console world (fixtures/people.sql), away from the search tests' world. */
    public static Map<String, Object> completeContent(String title) {
        Map<String, Object> content = new HashMap<>();
        content.put("categoryCode", "elderly.meal");
        content.put("title", title);
        content.put("description", "测试用助餐服务。");
        content.put("mode", "IN_STORE");
        content.put("location", Map.of("lat", 31.001, "lng", 121.0));
        content.put("regionCode", "990300001001");
        content.put("serviceAreaCodes", List.of("990300001001"));
        content.put("price", Map.of("pricing", "SUBSIDIZED", "priceFen", 1500, "subsidyFen", 800, "unit", "餐"));
        content.put("eligibility", Map.of("minAge", 60));
        content.put("capacityPerSlot", 10);
        content.put("weeklyHours", List.of(Map.of("weekday", 1, "opens", "11:00", "closes", "13:00")));
        return content;
    }

    public static JsonPath createListing(String token, long organizationId, Map<String, Object> content) {
        return GraphQL.as(token).data(CREATE_LISTING, Map.of("input",
                Map.of("organizationId", String.valueOf(organizationId), "content", content)));
    }

    public static JsonPath act(String token, String action, String id, int version) {
        return GraphQL.as(token).data(LISTING_ACTION.formatted(action), Map.of("id", id, "version", version));
    }

    /** Whether residents find the service with this title in the console world. */
    public static boolean searchable(String title) {
        List<String> titles = GraphQL.anonymous().data("""
                query($keyword: String) { services(filter: {keyword: $keyword, regionCode: "990300"}, first: 100) {
                  edges { node { title } } } }""", Map.of("keyword", title)).getList("services.edges.node.title");
        return titles.contains(title);
    }
}
