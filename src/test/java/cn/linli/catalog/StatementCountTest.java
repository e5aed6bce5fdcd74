package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Statements;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolvers batch: a bigger page costs no more SQL statements. */
@QuarkusTest
class StatementCountTest {
    static final String PAGE = """
            query($first: Int) {
              services(filter: {regionCode: "620103"}, first: $first) {
                edges { node { id title organization { name excellentBadge region { name } serviceCategories { name }
                                                      evaluationHistory { id } }
                               category { name parent { name } } weeklyHours { opens } scheduleExceptions { date }
                               region { name } serviceArea { name } } }
              }
            }""";
    /** Organizations of the evaluation world (below) with their published evaluations and everything nested in them. */
    static final String EVALUATED = """
            query($first: Int) {
              organizations(filter: {regionCode: "990500"}, first: $first) {
                edges { node { id excellentBadge evaluationHistory { id grade scores { indicatorName score comment }
                                                                     outcomes { kind } appeals { status } } } }
              }
            }""";
    static final String CYCLE = """
            query($c: ID!) { evaluations(cycleId: $c) { id scores { score comment } outcomes { kind } appeals { status } } }""";

    @Inject
    Fixtures fixtures;

    long statementsFor(int first) {
        return Statements.during(() -> {
            int size = GraphQL.anonymous().data(PAGE, Map.of("first", first)).getList("services.edges").size();
            assertEquals(first, size);
        });
    }

    @Test
    void aPageOf100CostsTheSameStatementsAsAPageOf10() {
        statementsFor(10); // warm up
        long ten = statementsFor(10);
        long hundred = statementsFor(100);
        assertEquals(ten, hundred, "statements for 10 vs 100 services");
        assertTrue(ten <= 9, "one search, then one statement per batched field: " + ten);
    }

    @Test
    void theNearMeSearchWithOrganizationsIsOneStatement() {
        assertEquals(1, Statements.during(() -> GraphQL.anonymous().data(GraphQL.operation("NearbyServices"),
                Map.of("lat", 36.064, "lng", 103.80, "categoryCode", "elderly", "first", 20))));
    }

    /**
     * The service page: the service with its organization, category and contract, its weekly hours, exceptions,
     * region and service area in one statement (ServiceQueries.Part); the category's parent comes from the category
     * tree, which is kept (CategoryQueries), not read for every page.
     */
    @Test
    void theServicePageIsOneStatement() {
        String id = GraphQL.anonymous().data(GraphQL.operation("NearbyServices"),
                Map.of("lat", 36.064, "lng", 103.80, "radiusMeters", 20000, "categoryCode", "elderly.meal", "first", 1))
                .getString("services.edges[0].node.id");
        GraphQL.anonymous().data(GraphQL.operation("ServiceDetail"), Map.of("id", id)); // the tree is read once in a while
        assertEquals(1, Statements.during(() -> {
            var page = GraphQL.anonymous().data(GraphQL.operation("ServiceDetail"), Map.of("id", id));
            assertEquals("elderly", page.getString("service.category.parent.code"));
        }));
    }

    /**
     * 100 organizations of their own district (990500), each with a contract evaluated in a published cycle of 100
     * evaluations; the first 10 also in a cycle of 10. Every evaluation has two scores, an outcome and an appeal.
     */
    synchronized void evaluationWorld() {
        if (fixtures.id("SELECT count(*) FROM region WHERE code = '990500'") > 0) {
            return;
        }
        fixtures.execute("""
                INSERT INTO region (code, name, level, parent_id, path, lat, lng)
                VALUES ('990500', '考核计数测试区', 'DISTRICT', NULL, '{990500}', 32.0, 122.0);
                INSERT INTO organization (credit_code, name, kind, region_id, contact_phone, service_category_codes, status,
                                          excellent_badge)
                SELECT '52990500MJ' || lpad(n::text, 8, '0'), '计数测试机构' || n, 'SOCIAL_SERVICE_AGENCY', r.id, '0571-2000000',
                       '{elderly.meal}', 'ACTIVE', n % 2 = 0
                FROM region r, generate_series(1, 100) n WHERE r.code = '990500';
                INSERT INTO organization_member (organization_id, subject, role, added_by)
                SELECT id, 'count-owner', 'OWNER', 'fixture' FROM organization WHERE credit_code LIKE '52990500MJ%';
                INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by)
                SELECT 'official-count', id, '计数测试区民政局', 'fixture' FROM region WHERE code = '990500';
                INSERT INTO contract (code, title, buyer_name, organization_id, amount_fen, starts_on, ends_on, buyer_region_id, status)
                SELECT 'COUNT-' || o.id, '计数测试合同', '计数测试区民政局', o.id, 100000, DATE '2025-01-01', DATE '2025-12-31',
                       o.region_id, 'COMPLETED'
                FROM organization o WHERE o.credit_code LIKE '52990500MJ%';
                INSERT INTO evaluation_template (name, region_id, created_by)
                SELECT '计数测试模板', id, 'fixture' FROM region WHERE code = '990500';
                INSERT INTO evaluation_indicator (template_id, position, name, kind, weight)
                SELECT t.id, i.position, i.name, i.kind, i.weight FROM evaluation_template t,
                       (VALUES (0, '现场检查', 'MANUAL', 60), (1, '居民满意度', 'SATISFACTION', 40)) i (position, name, kind, weight)
                WHERE t.name = '计数测试模板';
                INSERT INTO evaluation_cycle (name, period_start, period_end, region_id, template_id, thresholds, policy, status,
                                              created_by, published_at)
                SELECT c.name, DATE '2025-01-01', DATE '2025-12-31', r.id, t.id, '{"excellent":90,"good":80,"pass":60}', '{}',
                       'PUBLISHED', 'fixture', now() - interval '1 day'
                FROM region r, evaluation_template t, (VALUES ('计数测试周期大'), ('计数测试周期小')) c (name)
                WHERE r.code = '990500' AND t.name = '计数测试模板';
                INSERT INTO evaluation (cycle_id, contract_id, organization_id, total, grade, rank, version)
                SELECT c.id, k.id, k.organization_id, 92, 'EXCELLENT', 1, 1
                FROM evaluation_cycle c, contract k
                WHERE c.name = '计数测试周期大' AND k.code LIKE 'COUNT-%';
                INSERT INTO evaluation (cycle_id, contract_id, organization_id, total, grade, rank, version)
                SELECT c.id, k.id, k.organization_id, 85, 'GOOD', 1, 1
                FROM evaluation_cycle c, (SELECT * FROM contract WHERE code LIKE 'COUNT-%' ORDER BY id LIMIT 10) k
                WHERE c.name = '计数测试周期小';
                INSERT INTO evaluation_assignment (evaluation_id, evaluator_subject, assigned_by)
                SELECT e.id, 'count-evaluator', 'fixture' FROM evaluation e JOIN contract k ON k.id = e.contract_id
                WHERE k.code LIKE 'COUNT-%';
                INSERT INTO evaluation_score (evaluation_id, indicator_id, score, comment, scored_by)
                SELECT e.id, i.id, 90, CASE WHEN i.kind = 'MANUAL' THEN '台账齐全' END,
                       CASE WHEN i.kind = 'MANUAL' THEN 'count-evaluator' ELSE 'computed' END
                FROM evaluation e JOIN contract k ON k.id = e.contract_id JOIN evaluation_cycle c ON c.id = e.cycle_id
                JOIN evaluation_indicator i ON i.template_id = c.template_id WHERE k.code LIKE 'COUNT-%';
                INSERT INTO evaluation_outcome (evaluation_id, kind, detail)
                SELECT e.id, 'RENEWAL_ELIGIBLE', '{}' FROM evaluation e JOIN contract k ON k.id = e.contract_id
                WHERE k.code LIKE 'COUNT-%';
                INSERT INTO appeal (evaluation_id, organization_id, reasons, filed_by, status, decision_reason, decided_by, decided_at)
                SELECT e.id, e.organization_id, '样本过少', 'count-owner', 'UPHELD', '维持', 'official-count', now()
                FROM evaluation e JOIN contract k ON k.id = e.contract_id WHERE k.code LIKE 'COUNT-%';
                """);
    }

    long statements(GraphQL as, String query, Map<String, ?> variables) {
        return Statements.during(() -> as.data(query, variables));
    }

    @Test
    void evaluationsNestedInAPageOf100CostTheSameStatementsAsInAPageOf10() {
        evaluationWorld();
        Map<String, GraphQL> callers = Map.of("anonymous", GraphQL.anonymous(),
                "official", GraphQL.as(Tokens.of("official-count", "gov_official")),
                "owner", GraphQL.as(Tokens.of("count-owner", "org_staff")),
                "evaluator", GraphQL.as(Tokens.of("count-evaluator", "evaluator")));
        String big = String.valueOf(fixtures.id("SELECT id FROM evaluation_cycle WHERE name = '计数测试周期大'"));
        String small = String.valueOf(fixtures.id("SELECT id FROM evaluation_cycle WHERE name = '计数测试周期小'"));
        callers.forEach((who, as) -> {
            var page = as.data(EVALUATED, Map.of("first", 100));
            assertEquals(100, page.getList("organizations.edges").size());
            assertEquals(2, page.getList("organizations.edges[0].node.evaluationHistory[0].scores").size(), who);
            assertEquals(who.equals("anonymous") ? null : "台账齐全", page.getString("organizations.edges[0].node.evaluationHistory[0]"
                    + ".scores.find { it.indicatorName == '现场检查' }.comment"), who + ": manual comments for insiders only");
            assertEquals(50, page.getList("organizations.edges.node.excellentBadge").stream().filter(Boolean.TRUE::equals).count(), who);
            long ten = statements(as, EVALUATED, Map.of("first", 10));
            long hundred = statements(as, EVALUATED, Map.of("first", 100));
            long cycleOf10 = statements(as, CYCLE, Map.of("c", small));
            long cycleOf100 = statements(as, CYCLE, Map.of("c", big));
            assertEquals(ten, hundred, who + ": statements for 10 vs 100 organizations with their evaluations");
            assertEquals(cycleOf10, cycleOf100, who + ": statements for a cycle of 10 vs 100 evaluations");
            assertTrue(hundred <= 8, who + ": a page, its history, then one statement per batched field: " + hundred);
        });
    }
}
