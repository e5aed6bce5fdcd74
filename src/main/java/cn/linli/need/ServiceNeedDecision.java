package cn.linli.need;

import org.eclipse.microprofile.graphql.Description;

@Description("An official's answer to a need.")
public enum ServiceNeedDecision {
    @Description("计划采购: the government plans to buy such a service") PLANNED,
    @Description("已采购: bought (outside a procurement of this platform, or linked to one)") PROCURED,
    @Description("不予采纳: declined, with a reason the residents read") DECLINED
}
