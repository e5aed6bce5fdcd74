package cn.linli.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("Legal form of an organization.")
public enum OrganizationKind {
    @Description("社会团体") SOCIAL_GROUP,
    @Description("社会服务机构 (民办非企业单位)") SOCIAL_SERVICE_AGENCY,
    @Description("基金会") FOUNDATION,
    @Description("企业") ENTERPRISE,
    @Description("基层群众性自治组织 (居委会、村委会)") COMMUNITY_SELF_GOVERNANCE,
    @Description("其他") OTHER
}
