package cn.linli.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Booking helpers: a bookable service of the console world, and the booking mutations. */
public final class Bookings {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String OWNER = Tokens.of("owner-a", "org_staff");
    public static final String BOOK = """
            mutation($input: BookServiceInput!) {
              bookService(input: $input) { id status slotStart contactPhone forSelf beneficiary { name relation age } }
            }""";
    public static final String ACT = """
            mutation($id: ID!, $reason: String) {
              %s(input: {id: $id, reason: $reason}) { id status statusReason contactPhone beneficiary { name age } }
            }""";

    private Bookings() {
    }

    /** Publishes a service of organization A open every day 08:00–20:00 in 60-minute slots; returns its id. */
    public static String openService(long organizationA, String title, int capacity, Map<String, Object> eligibility) {
        return openService(OWNER, organizationA, title, capacity, eligibility);
    }

    /** The same, for any organization, by one of its members. */
    public static String openService(String member, long organization, String title, int capacity, Map<String, Object> eligibility) {
        Map<String, Object> content = Console.completeContent(title);
        content.put("capacityPerSlot", capacity);
        content.put("eligibility", eligibility);
        content.put("weeklyHours", List.of(1, 2, 3, 4, 5, 6, 7).stream()
                .map(day -> Map.of("weekday", day, "opens", "08:00", "closes", "20:00")).toList());
        JsonPath created = Console.createListing(member, organization, content);
        String id = created.getString("createServiceListing.id");
        Console.act(member, "publishServiceListing", id, created.getInt("createServiceListing.version"));
        return id;
    }

    /** A slot start a number of days ahead, at the given hour (China time). */
    public static String slot(int daysAhead, int hour) {
        return OffsetDateTime.of(LocalDate.now(CHINA).plusDays(daysAhead), LocalTime.of(hour, 0), CHINA.getRules()
                .getOffset(LocalDate.now(CHINA).atStartOfDay())).toString();
    }

    public static Map<String, Object> forFather(String serviceId, String slotStart, String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("serviceId", serviceId);
        input.put("slotStart", slotStart);
        input.put("forSelf", false);
        input.put("beneficiary", Map.of("name", "王大爷", "relation", "父亲", "age", 82, "targetGroups", List.of("DEPENDENT")));
        input.put("contactPhone", "13812345678");
        input.put("note", "父亲行动不便，请带轮椅");
        input.put("idempotencyKey", key == null ? UUID.randomUUID().toString() : key);
        return input;
    }

    public static Response book(String token, Map<String, Object> input) {
        return GraphQL.as(token).post(BOOK, Map.of("input", input));
    }

    public static JsonPath act(String token, String action, String id, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("reason", reason);
        return GraphQL.as(token).data(ACT.formatted(action), variables);
    }
}
