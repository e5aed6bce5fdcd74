package cn.linli.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An official uses and versions the templates of their own jurisdiction (or of a region above it) only. */
@QuarkusTest
class TemplateJurisdictionTest {
    static final String QILIHE = Tokens.of("official-qlh", "gov_official");
    static final String TEST_DISTRICT = Tokens.of("official-test", "gov_official");
    static final String TEMPLATE = "mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) { id } }";
    static final String OPEN = "mutation($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    static Map<String, Object> template(String name, String basedOn) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name,
                "indicators", List.of(Map.of("name", "服务规范", "kind", "MANUAL", "weight", 100))));
        if (basedOn != null) {
            input.put("basedOnTemplateId", basedOn);
        }
        return Map.of("input", input);
    }

    static Map<String, Object> cycle(String templateId) {
        return Map.of("input", Map.of("name", "模板辖区测试", "periodStart", LocalDate.now().minusDays(30).toString(),
                "periodEnd", LocalDate.now().toString(), "regionCode", "990100", "templateId", templateId));
    }

    @Test
    void anotherRegionsTemplateIsNeitherUsedNorVersioned() {
        String theirs = GraphQL.as(QILIHE).data(TEMPLATE, template("七里河考核模板", null)).getString("createEvaluationTemplate.id");
        Map<String, Object> open = GraphQL.as(TEST_DISTRICT).error(OPEN, cycle(theirs));
        assertEquals("VALIDATION", GraphQL.code(open));
        assertEquals("input.templateId", GraphQL.field(open));
        Map<String, Object> version = GraphQL.as(TEST_DISTRICT).error(TEMPLATE, template("改版", theirs));
        assertEquals("input.basedOnTemplateId", GraphQL.field(version));

        String ours = GraphQL.as(TEST_DISTRICT).data(TEMPLATE, template("测试区考核模板", null)).getString("createEvaluationTemplate.id");
        GraphQL.as(TEST_DISTRICT).data(TEMPLATE, template("测试区考核模板第二版", ours));
        GraphQL.as(TEST_DISTRICT).data(OPEN, cycle(ours));
    }
}
