package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Description;

@Description("SUBMITTED (live) → WITHDRAWN, AWARDED or NOT_AWARDED.")
public enum BidStatus {
    @Description("Live: submitted while the tender is open, waiting for the award.") SUBMITTED,
    @Description("Withdrawn by the organization while the tender was open (or when it was deregistered).") WITHDRAWN,
    @Description("Won: an award was made on it.") AWARDED,
    @Description("Not chosen: the procurement was awarded to other bids, cancelled or declared unsuccessful.") NOT_AWARDED
}
