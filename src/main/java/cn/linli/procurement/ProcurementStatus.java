package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Description;

@Description("PLANNING → TENDERING → EVALUATING → AWARDED; or CANCELLED / UNSUCCESSFUL. 单一来源 goes from PLANNING to AWARDED.")
public enum ProcurementStatus {
    PLANNING, TENDERING, EVALUATING, AWARDED, CANCELLED, UNSUCCESSFUL
}
