package cn.linli.catalog;

import org.eclipse.microprofile.graphql.Description;

@Description("What a resident pays.")
public enum Pricing {
    @Description("免费") FREE,
    @Description("政府补贴: the resident pays the price less the subsidy") SUBSIDIZED,
    @Description("自费") PAID
}
