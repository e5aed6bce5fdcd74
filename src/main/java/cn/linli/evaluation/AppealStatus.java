package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an appeal (复核) stands.")
public enum AppealStatus {
    @Description("Filed, waiting for an official's decision.")
    PENDING,
    @Description("Decided: the grade stands.")
    UPHELD,
    @Description("Decided: a new total and grade; the outcomes were re-applied.")
    CHANGED
}
