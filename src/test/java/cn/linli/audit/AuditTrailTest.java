package cn.linli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {
    static final String AUDIT = """
            query($filter: AuditFilter) { auditLog(filter: $filter, first: 100) {
              edges { node { action actorSubject actorRole entityType entityId organizationId reason before after } } } }""";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void everyChangeIsRecordedWithWhoWhatAndBeforeAfter() {
        String owner = Tokens.of("owner-a", "org_staff");
        JsonPath created = Console.createListing(owner, fixtures.organizationA(), Console.completeContent("审计测试服务"));
        String id = created.getString("createServiceListing.id");
        GraphQL.as(owner).data(Console.UPDATE_LISTING, Map.of("input", Map.of("id", id,
                "version", created.getInt("createServiceListing.version"), "content", Map.of("title", "审计测试服务（改）"))));
        JsonPath log = GraphQL.as(owner).data(AUDIT, Map.of("filter", Map.of("organizationId", String.valueOf(fixtures.organizationA()))));
        List<Map<String, Object>> entries = log.getList("auditLog.edges.node");
        Map<String, Object> update = entries.stream().filter(e -> e.get("action").equals("updateServiceListing")
                && e.get("entityId").equals(id)).findFirst().orElseThrow();
        assertEquals("owner-a", update.get("actorSubject"));
        assertEquals("org_staff", update.get("actorRole"));
        assertTrue(((String) update.get("before")).contains("审计测试服务\""), (String) update.get("before"));
        assertTrue(((String) update.get("after")).contains("审计测试服务（改）"));
        assertFalse(((String) update.get("after")).contains("priceFen"), "only changed fields are kept");
        assertTrue(entries.stream().anyMatch(e -> e.get("action").equals("createServiceListing") && e.get("entityId").equals(id)));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        fixtures.execute("INSERT INTO audit_entry (actor_subject, actor_role, action, entity_type, entity_id) "
                + "VALUES ('t', 'admin', 'probe', 'Probe', '1')");
        assertThrows(IllegalStateException.class, () -> fixtures.execute("UPDATE audit_entry SET action = 'forged'"));
        assertThrows(IllegalStateException.class, () -> fixtures.execute("DELETE FROM audit_entry"));
        assertThrows(IllegalStateException.class, () -> fixtures.execute("TRUNCATE audit_entry"));
    }

    @Test
    void eachReaderSeesTheirOwnScope() {
        String official = Tokens.of("official-test", "gov_official");
        GraphQL.as(official).data(Console.DECIDE.formatted("suspendOrganization"),
                Map.of("id", String.valueOf(fixtures.organizationB()), "reason", "审计范围测试"));
        GraphQL.as(official).data(Console.DECIDE.formatted("reinstateOrganization"),
                Map.of("id", String.valueOf(fixtures.organizationB()), "reason", "恢复"));
        Map<String, Object> filter = Map.of("filter", Map.of("action", "suspendOrganization"));

        List<String> reasons = GraphQL.as(official).data(AUDIT, filter).getList("auditLog.edges.node.reason");
        assertTrue(reasons.contains("审计范围测试"), "the official of the region");
        assertFalse(GraphQL.as(Tokens.of("official-qlh", "gov_official")).data(AUDIT, filter)
                .getList("auditLog.edges.node.reason").contains("审计范围测试"), "an official of another region");
        assertTrue(GraphQL.as(Tokens.of("owner-b", "org_staff")).data(AUDIT, filter)
                .getList("auditLog.edges.node.reason").contains("审计范围测试"), "the organization's owner");
        assertFalse(GraphQL.as(Tokens.of("owner-a", "org_staff")).data(AUDIT, filter)
                .getList("auditLog.edges.node.reason").contains("审计范围测试"), "another organization's owner");
        assertTrue(GraphQL.as(Tokens.of("root", "admin")).data(AUDIT, filter)
                .getList("auditLog.edges.node.reason").contains("审计范围测试"), "admin");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("someone", "resident")).error(AUDIT, filter)));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(AUDIT, filter)));
    }
}
