package cn.linli.catalog;

import org.eclipse.microprofile.graphql.Description;

@Description("Lifecycle of a service listing: DRAFT → PUBLISHED ⇄ PAUSED → WITHDRAWN. Only PUBLISHED ones are searchable.")
public enum ListingStatus {
    @Description("草稿: being prepared; residents do not see it.") DRAFT,
    @Description("已发布: residents find and book it (while its organization is ACTIVE or BARRED).") PUBLISHED,
    @Description("已暂停: out of search and not bookable until published again; paused by a member, or by a 不合格 "
            + "evaluation of the contract funding it.") PAUSED,
    @Description("已下架: withdrawn by a member (for good) or with its organization's deregistration; it can no longer be "
            + "changed, confirmed or published.") WITHDRAWN
}
