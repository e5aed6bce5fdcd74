package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Description;

@Description("SUBMITTED (live) → WITHDRAWN, AWARDED or NOT_AWARDED.")
public enum BidStatus {
    SUBMITTED, WITHDRAWN, AWARDED, NOT_AWARDED
}
