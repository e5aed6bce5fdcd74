package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("优秀 (EXCELLENT) ≥ 90, 良好 (GOOD) ≥ 80, 合格 (PASS) ≥ 60, 不合格 (FAIL) below; thresholds per cycle.")
public enum Grade {
    EXCELLENT, GOOD, PASS, FAIL
}
