package cn.linli.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.linli.evaluation.EvaluationViews.Evaluation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rankings rank among the evaluations asked for (a region, a category), not by the cycle-wide rank. */
class RankingTest {
    private static Evaluation evaluation(String id, Double total, int cycleRank) {
        return new Evaluation(id, "1", "1", id, "机构" + id, total, null, cycleRank, 1, 1L);
    }

    @Test
    void theRanksStartAtOneWithinTheChosenSetAndEqualTotalsShareOne() {
        List<Evaluation> chosen = List.of(evaluation("7", 88.0, 3), evaluation("9", 88.0, 4), evaluation("4", 71.5, 9),
                evaluation("5", null, 12));
        List<Integer> ranks = EvaluationApi.rankedAmong(chosen).stream().map(Evaluation::rank).toList();
        assertEquals(Arrays.asList(1, 1, 3, null), ranks);
    }
}
