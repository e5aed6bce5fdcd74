package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("OPEN → RESPONDED (by the organization) → RESOLVED (by an official); OPEN for 7 days is overdue.")
public enum FeedbackStatus {
    @Description("待处理: filed, not answered yet.") OPEN,
    @Description("已回复: answered (by the organization, or by a community worker for a community problem), waiting for "
            + "an official's resolution.") RESPONDED,
    @Description("已办结: resolved by an official; the submitter may rate the resolution within 15 days.") RESOLVED
}
