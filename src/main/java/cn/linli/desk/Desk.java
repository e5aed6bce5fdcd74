package cn.linli.desk;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * An official's desk: what waits for them in their jurisdiction. Made only by {@link DeskService#desk} for an
 * official, so its queues trust the jurisdiction it carries.
 */
@Description("Official: what waits for you in your jurisdiction, one queue per kind of work (counts and the first items). "
        + "Each queue is computed only when asked for.")
public record Desk(
        @Description("The region you govern, whose subtree the queues cover.") @NonNull String regionCode,
        @Ignore int items) {
}
