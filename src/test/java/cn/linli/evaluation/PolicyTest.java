package cn.linli.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation rules that need no database: grades, thresholds, weights, scores, the appeal window, the defaults. */
class PolicyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gradesAreGivenAtOrAboveTheirThresholds() {
        Policy.Thresholds defaults = Policy.THRESHOLDS;
        assertEquals(Grade.EXCELLENT, defaults.grade(100));
        assertEquals(Grade.EXCELLENT, defaults.grade(90));
        assertEquals(Grade.GOOD, defaults.grade(89.99));
        assertEquals(Grade.GOOD, defaults.grade(80));
        assertEquals(Grade.PASS, defaults.grade(79.99));
        assertEquals(Grade.PASS, defaults.grade(60));
        assertEquals(Grade.FAIL, defaults.grade(59.99));
        assertEquals(Grade.FAIL, defaults.grade(0));
        Policy.Thresholds strict = new Policy.Thresholds(95, 85, 70);
        assertEquals(Grade.GOOD, strict.grade(90));
        assertEquals(Grade.FAIL, strict.grade(65));
    }

    @Test
    void thresholdsMustDescendAndStayWithin1To100() {
        assertTrue(Policy.THRESHOLDS.ordered());
        assertTrue(new Policy.Thresholds(100, 99, 1).ordered());
        assertFalse(new Policy.Thresholds(80, 80, 60).ordered(), "excellent above good");
        assertFalse(new Policy.Thresholds(90, 60, 60).ordered(), "good above pass");
        assertFalse(new Policy.Thresholds(90, 80, 0).ordered(), "pass above 0");
        assertFalse(new Policy.Thresholds(101, 80, 60).ordered(), "excellent at most 100");
        assertFalse(new Policy.Thresholds(60, 80, 90).ordered());
    }

    @Test
    void aCycleWithoutThresholdsTakesTheDefaults() {
        assertEquals(new Policy.Thresholds(90, 80, 60), EvaluationService.thresholds(null));
        assertEquals(new Policy.Thresholds(95, 85, 70), EvaluationService.thresholds(new EvaluationInputs.Thresholds(95, 85, 70)));
    }

    @Test
    void storedThresholdsAndPoliciesFillInTheDefaults() throws Exception {
        assertEquals(new Policy.Thresholds(90, 80, 60), Policy.Thresholds.of(JSON.readTree("{}")));
        assertEquals(new Policy.Thresholds(90, 75, 60), Policy.Thresholds.of(JSON.readTree("{\"good\":75}")));
        assertEquals(new Policy(true, true, 12, true, 15), Policy.of(JSON.readTree("{}")));
        assertEquals(new Policy(false, true, 6, true, 30), Policy.of(JSON.readTree("{\"withholdPayments\":false,\"barMonths\":6,\"appealDays\":30}")));
        assertEquals(new Policy(true, true, 12, true, 15), Policy.of((EvaluationInputs.Policy) null));
        assertEquals(new Policy(true, false, 0, false, 15),
                Policy.of(new EvaluationInputs.Policy(null, false, 0, false, null)));
    }

    @Test
    void aPolicyIsStoredAsItIsRead() throws Exception {
        Policy policy = new Policy(false, true, 3, false, 20);
        assertEquals(policy, Policy.of(JSON.valueToTree(policy.toMap())));
        Policy.Thresholds thresholds = new Policy.Thresholds(92, 81, 55);
        assertEquals(thresholds, Policy.Thresholds.of(JSON.valueToTree(thresholds.toMap())));
    }

    @Test
    void weightsAddUpToExactly100() {
        assertTrue(EvaluationService.weightsAddUpTo100(List.of(40, 30, 10, 10, 10)));
        assertTrue(EvaluationService.weightsAddUpTo100(List.of(100)));
        assertFalse(EvaluationService.weightsAddUpTo100(List.of(60)));
        assertFalse(EvaluationService.weightsAddUpTo100(List.of(60, 50)));
        assertFalse(EvaluationService.weightsAddUpTo100(List.of()), "a template has at least one indicator");
    }

    @Test
    void scoresAreFrom0To100() {
        assertTrue(EvaluationService.validScore(0));
        assertTrue(EvaluationService.validScore(100));
        assertTrue(EvaluationService.validScore(59.5));
        assertFalse(EvaluationService.validScore(-0.01));
        assertFalse(EvaluationService.validScore(100.01));
        assertFalse(EvaluationService.validScore(Double.NaN));
    }

    @Test
    void anAppealIsFiledWithinTheWindowAfterPublishing() {
        OffsetDateTime published = OffsetDateTime.parse("2026-03-01T10:00:00+08:00");
        assertTrue(AppealService.withinWindow(published, 15, published));
        assertTrue(AppealService.withinWindow(published, 15, published.plusDays(15)), "the last moment of the 15th day");
        assertFalse(AppealService.withinWindow(published, 15, published.plusDays(15).plusSeconds(1)));
        assertTrue(AppealService.withinWindow(published, 30, published.plusDays(20)));
    }
}
