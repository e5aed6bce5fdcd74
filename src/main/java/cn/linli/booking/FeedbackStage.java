package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("Where feedback waits: for an answer, or (answered) for its resolution.")
public enum FeedbackStage {
    @Description("OPEN: nobody has answered it yet.") RESPONSE,
    @Description("RESPONDED: answered by the organization, not resolved yet.") RESOLUTION
}
