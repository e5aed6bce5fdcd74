package cn.linli.evaluation;

import cn.linli.evaluation.EvaluationViews.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What 优胜 means to residents: ranks among the evaluations asked for (a region, a category), not the whole cycle. */
final class Ranking {
    private Ranking() {
    }

    /** Ranks within these evaluations (sorted best first): equal totals share a rank; no total, no rank. */
    static List<Evaluation> rankedAmong(List<Evaluation> sorted) {
        List<Evaluation> ranked = new ArrayList<>();
        int rank = 0;
        Double previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Evaluation evaluation = sorted.get(i);
            if (i == 0 || !Objects.equals(previous, evaluation.total())) {
                rank = i + 1;
            }
            previous = evaluation.total();
            ranked.add(evaluation.withRank(evaluation.total() == null ? null : rank));
        }
        return ranked;
    }
}
