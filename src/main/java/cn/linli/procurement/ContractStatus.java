package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Description;

@Description("PENDING (signed, not started) → ACTIVE → TERMINATED or COMPLETED.")
public enum ContractStatus {
    PENDING, ACTIVE, TERMINATED, COMPLETED
}
