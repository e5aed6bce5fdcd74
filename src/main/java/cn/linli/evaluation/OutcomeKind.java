package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("What publishing a cycle (or an appeal decision) did to an organization (优胜劣汰); `detail` says to what.")
public enum OutcomeKind {
    @Description("Payments of the contract's unpaid milestones withheld (a FAIL). detail: milestoneIds.")
    WITHHOLD_PAYMENTS,
    @Description("The services the contract funds paused (a FAIL). detail: listingIds.")
    PAUSE_LISTINGS,
    @Description("The organization barred from government purchase until a date (a FAIL). detail: until (and the bar it replaced, previous).")
    BAR_ORGANIZATION,
    @Description("The organization deregistered after consecutive FAILs: its services withdrawn, its bids withdrawn. "
            + "detail: previousStatus, listings, bidIds.")
    DEREGISTER,
    @Description("The contract may be renewed without a new tender (EXCELLENT). detail: contractId.")
    RENEWAL_ELIGIBLE,
    @Description("The organization shows the 优秀 badge (EXCELLENT). detail: organizationId.")
    BADGE
}
