package cn.linli.common;

import org.eclipse.microprofile.graphql.Description;

@Description("Relay paging information of a connection.")
public record PageInfo(
        @Description("Whether more items follow the last one of this page.") boolean hasNextPage,
        @Description("Whether items precede this page (true when it was asked for with `after`).") boolean hasPreviousPage,
        @Description("Cursor of the first item of this page.") String startCursor,
        @Description("Cursor of the last item: pass it as `after` for the next page.") String endCursor) {
}
