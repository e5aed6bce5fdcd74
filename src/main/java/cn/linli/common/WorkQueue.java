package cn.linli.common;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * What waits for someone: how many, and the first few, oldest or most urgent first. Each context that owns the
 * waiting things builds its queue with one statement that carries {@code count(*) OVER () AS total} and a LIMIT
 * (the window counts the rows before the limit cuts them).
 */
@Description("A work queue: how many items wait, and the first of them (oldest or most urgent first).")
public record WorkQueue(
        @Description("How many items wait in all.") int count,
        @Description("The first items (as many as `items` asked for), oldest or most urgent first.") @NonNull List<@NonNull WorkItem> items) {

    /** How many items a queue shows by default, and at most. */
    public static final int DEFAULT_ITEMS = 5, MAX_ITEMS = 20;

    @Description("One thing waiting: what it is, where, since when and until when.")
    public record WorkItem(
            @Description("The id of the thing (an organization, service, feedback, appeal, procurement, contract or milestone id: "
                    + "the queue says which).") @Id @NonNull String id,
            @Description("What it is, e.g. the organization's or the contract's name.") @NonNull String title,
            @Description("The region code it belongs to.") @NonNull String regionCode,
            @Description("Since when it waits (null where the queue is about a coming date).") OffsetDateTime since,
            @Description("When it falls due (null where nothing falls due); a date is the start of that day in China "
                    + "Standard Time.") OffsetDateTime dueAt) {
    }

    /**
     * The queue of rows that each carry {@code total} (a window count over the whole queue), fetched with
     * {@code LIMIT} {@link #limit(int)}, showing {@code items} of them.
     */
    public static WorkQueue of(List<Row> rows, int items, Function<Row, WorkItem> item) {
        int total = rows.isEmpty() ? 0 : rows.get(0).intValue("total");
        return new WorkQueue(total, rows.stream().limit(items).map(item).toList());
    }

    /** The LIMIT that fetches {@code items} rows: at least one, so that the count is there even for none shown. */
    public static int limit(int items) {
        return Math.max(items, 1);
    }

    /** A client's {@code items}, checked: 0 … 20, 5 when absent. */
    public static int items(Integer items) {
        if (items == null) {
            return DEFAULT_ITEMS;
        }
        if (items < 0 || items > MAX_ITEMS) {
            throw new ValidationException("items", "error.items.range", MAX_ITEMS);
        }
        return items;
    }
}
