package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Description;

@Description("PLANNING → TENDERING → EVALUATING → AWARDED; or CANCELLED / UNSUCCESSFUL. 单一来源 goes from PLANNING to AWARDED.")
public enum ProcurementStatus {
    @Description("Being prepared; seen only by officials over the buyer's region.") PLANNING,
    @Description("The tender is published: organizations bid until tenderEnd.") TENDERING,
    @Description("Bidding closed (by the buyer, or because tenderEnd passed); the buyer is choosing.") EVALUATING,
    @Description("Awarded: the awards, the winning bids and the contracts are public.") AWARDED,
    @Description("Cancelled by the buyer before an award, with a reason.") CANCELLED,
    @Description("Declared unsuccessful (流标) by the buyer before an award, with a reason.") UNSUCCESSFUL
}
