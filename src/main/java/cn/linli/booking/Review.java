package cn.linli.booking;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A resident's review of a completed booking, and the organization's reply. Reviewers stay anonymous.")
public record Review(
        @Id @NonNull String id,
        @Description("1–5.") int rating,
        @Description("What the resident wrote.") String text,
        @Description("When.") @NonNull OffsetDateTime createdAt,
        @Description("The organization's reply.") String reply,
        @Description("When it replied.") OffsetDateTime repliedAt,
        @Ignore long listingId,
        @Ignore long bookingId) {
}
