package cn.linli.need;

import org.eclipse.microprofile.graphql.Description;

@Description("OPEN (waiting for an answer) → PLANNED (the government plans to buy it) → PROCURED (bought: a procurement "
        + "was started for it), or DECLINED (with the official's reason).")
public enum ServiceNeedStatus {
    @Description("待回应: waiting for an official's answer; residents may support it (附议).") OPEN,
    @Description("计划采购: an official plans to buy such a service.") PLANNED,
    @Description("已采购: bought, through a procurement of this platform (see procurement) or otherwise.") PROCURED,
    @Description("不予采纳: declined; the official's reason is in response.") DECLINED
}
