package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("OPEN → RESPONDED (by the organization) → RESOLVED (by an official); OPEN for 7 days is overdue.")
public enum FeedbackStatus {
    OPEN, RESPONDED, RESOLVED
}
