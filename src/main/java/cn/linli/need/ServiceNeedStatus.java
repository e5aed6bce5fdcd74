package cn.linli.need;

import org.eclipse.microprofile.graphql.Description;

@Description("OPEN (waiting for an answer) → PLANNED (the government plans to buy it) → PROCURED (bought: a procurement "
        + "was started for it), or DECLINED (with the official's reason).")
public enum ServiceNeedStatus {
    OPEN, PLANNED, PROCURED, DECLINED
}
