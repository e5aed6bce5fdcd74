package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Description;

@Description("PENDING (signed, not started) → ACTIVE → TERMINATED or COMPLETED.")
public enum ContractStatus {
    @Description("Created by an award or a renewal; not yet activated with its signed document.") PENDING,
    @Description("Running: services are delivered and payments recorded.") ACTIVE,
    @Description("Ended early by the buyer, with a reason.") TERMINATED,
    @Description("Delivered: completed by the buyer, or by itself 90 days after endsOn; takes no more payments.") COMPLETED
}
