package cn.linli.procurement;

import org.eclipse.microprofile.graphql.Description;

@Description("Procurement method (政府采购方式); OCDS procurementMethod: OPEN → open, SINGLE_SOURCE → direct, others → limited/selective.")
public enum ProcurementMethod {
    @Description("公开招标") OPEN,
    @Description("竞争性磋商") COMPETITIVE_CONSULTATION,
    @Description("竞争性谈判") COMPETITIVE_NEGOTIATION,
    @Description("单一来源") SINGLE_SOURCE,
    @Description("询价") INQUIRY
}
