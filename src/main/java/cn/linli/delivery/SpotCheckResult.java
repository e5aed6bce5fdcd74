package cn.linli.delivery;

import org.eclipse.microprofile.graphql.Description;

@Description("What an official's 回访抽查 found.")
public enum SpotCheckResult {
    @Description("The service was delivered as recorded.") CONFIRMED,
    @Description("No such service was found to have been delivered; the record does not count.") NOT_FOUND,
    @Description("Delivered in part.") PARTIAL
}
