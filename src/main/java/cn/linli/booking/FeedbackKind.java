package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of feedback (社情民意).")
public enum FeedbackKind {
    COMPLAINT, SUGGESTION, PRAISE
}
