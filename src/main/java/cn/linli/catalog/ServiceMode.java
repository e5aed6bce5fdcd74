package cn.linli.catalog;

import org.eclipse.microprofile.graphql.Description;

@Description("How a service is delivered.")
public enum ServiceMode {
    @Description("到店: at the provider's place") IN_STORE,
    @Description("上门: at the resident's home") HOME_VISIT,
    @Description("线上: online or by phone") ONLINE
}
