package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("An official's decision on an appeal (复核).")
public enum AppealDecision {
    @Description("The grade stands.")
    UPHELD,
    @Description("A new total (newTotal, required) and so perhaps a new grade; the outcomes are re-applied.")
    CHANGED
}
