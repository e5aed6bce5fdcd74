package cn.linli.catalog;

import org.eclipse.microprofile.graphql.Description;

@Description("Order of search results. Default: RELEVANCE with a keyword, else DISTANCE with `near`, else NEWEST.")
public enum ServiceOrder {
    @Description("Nearest first (needs `near`).") DISTANCE,
    @Description("Best reviewed first.") RATING,
    @Description("Most recently published first.") NEWEST,
    @Description("Best keyword match first (needs `filter.keyword`): title matches (earlier in the title first) before description matches.") RELEVANCE
}
