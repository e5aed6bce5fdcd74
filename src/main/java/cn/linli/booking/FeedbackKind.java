package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of feedback (社情民意).")
public enum FeedbackKind {
    @Description("投诉: a complaint; the official who resolves it says whether it is upheld, and upheld complaints count "
            + "against the organization in evaluations.") COMPLAINT,
    @Description("建议: a suggestion.") SUGGESTION,
    @Description("表扬: praise.") PRAISE
}
