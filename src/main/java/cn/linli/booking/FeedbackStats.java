package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("How an organization handled feedback over the last 12 months (by the date the feedback was filed).")
public record FeedbackStats(
        @Description("Complaints about the organization filed in the last 12 months.") int complaints12m,
        @Description("Of those, how many an official upheld.") int upheld12m,
        @Description("Median hours from filing to the organization's response, over feedback of the last 12 months "
                + "that it answered; null when it answered none.") Double medianResponseHours) {
}
