package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("优秀 (EXCELLENT) ≥ 90, 良好 (GOOD) ≥ 80, 合格 (PASS) ≥ 60, 不合格 (FAIL) below; thresholds per cycle.")
public enum Grade {
    @Description("优秀: total at or above the excellent threshold (default 90); the contract becomes renewable without a "
            + "tender and the organization gets the badge.") EXCELLENT,
    @Description("良好: total at or above the good threshold (default 80).") GOOD,
    @Description("合格: total at or above the pass threshold (default 60).") PASS,
    @Description("不合格: below the pass threshold; as the cycle's policy says (all by default), payments are withheld, "
            + "funded services paused, the organization barred and, the second time in a row, deregistered.") FAIL
}
