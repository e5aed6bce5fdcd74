package cn.linli.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.linli.evaluation.EvaluationViews.Evaluation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rankings rank among the evaluations asked for (a region, a category), not by the cycle-wide rank. */
class RankingTest {
    private static Evaluation evaluation(String id, Double total, int cycleRank) {
        return new Evaluation(id, "1", "1", id, "机构" + id, total, null, cycleRank, 1, 1L, CycleStatus.PUBLISHED);
    }

    @Test
    void theRanksStartAtOneWithinTheChosenSetAndEqualTotalsShareOne() {
        List<Evaluation> chosen = List.of(evaluation("7", 88.0, 3), evaluation("9", 88.0, 4), evaluation("4", 71.5, 9),
                evaluation("5", null, 12));
        List<Integer> ranks = Ranking.rankedAmong(chosen).stream().map(Evaluation::rank).toList();
        assertEquals(Arrays.asList(1, 1, 3, null), ranks);
    }

    @Test
    void nothingChosenNothingRanked() {
        assertEquals(List.of(), Ranking.rankedAmong(List.of()));
    }

    @Test
    void aRankSkipsThePlacesOfThoseTiedBefore() {
        List<Evaluation> chosen = List.of(evaluation("1", 95.0, 1), evaluation("2", 80.0, 2), evaluation("3", 80.0, 3),
                evaluation("4", 80.0, 4), evaluation("5", 61.0, 5));
        assertEquals(List.of(1, 2, 2, 2, 5), Ranking.rankedAmong(chosen).stream().map(Evaluation::rank).toList());
        assertEquals(List.of("1", "2", "3", "4", "5"), Ranking.rankedAmong(chosen).stream().map(Evaluation::id).toList(),
                "the order is kept");
    }
}
