package cn.linli.booking;

import cn.linli.catalog.Service;
import cn.linli.catalog.ServiceQueries;
import cn.linli.common.ApiErrors;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.organization.Organization;
import cn.linli.organization.OrganizationQueries;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * What a booking and a review are about: the service, the organization, the review. Each is resolved for a whole
 * page at once (one statement per field, whatever the page size). Whoever may see the booking may see these: the
 * service and the organization are public facts, the review is public.
 */
@GraphQLApi
@ApiErrors
public class BookingLinks {
    @Inject
    ServiceQueries services;
    @Inject
    Sql sql;

    @NonNull
    @Description("The service booked (as it is now; it may since have been paused or withdrawn).")
    public List<Service> service(@Source List<Booking> bookings) {
        Map<Long, Service> byId = services.anyOf(bookings.stream().map(Booking::listingId).toList());
        return bookings.stream().map(booking -> byId.get(booking.listingId())).toList();
    }

    @NonNull
    @Description("The organization providing it.")
    public List<Organization> organization(@Source List<Booking> bookings) {
        Map<Long, Organization> byId = OrganizationQueries.byIds(sql, bookings.stream().map(Booking::organizationId).toList());
        return bookings.stream().map(booking -> byId.get(booking.organizationId())).toList();
    }

    @Description("The resident's review of this booking, once written (null before, or when an official hid it).")
    public List<Review> review(@Source List<Booking> bookings) {
        Map<Long, Review> byBooking = reviewsOf(bookings);
        return bookings.stream().map(booking -> byBooking.get(Long.parseLong(booking.id()))).toList();
    }

    @NonNull
    @Description("True when the booking is COMPLETED and has no review yet: the resident may review it (reviewBooking).")
    public List<Boolean> reviewable(@Source List<Booking> bookings) {
        java.util.Set<String> reviewed = sql.rows("SELECT booking_id FROM review WHERE booking_id IN (:ids)",
                Map.of("ids", ids(bookings))).stream().map(row -> row.string("booking_id")).collect(java.util.stream.Collectors.toSet());
        return bookings.stream().map(booking -> booking.status() == BookingStatus.COMPLETED && !reviewed.contains(booking.id()))
                .toList();
    }

    @NonNull
    @Name("service")
    @Description("The service reviewed.")
    public List<Service> reviewedService(@Source List<Review> reviews) {
        Map<Long, Service> byId = services.anyOf(reviews.stream().map(Review::listingId).toList());
        return reviews.stream().map(review -> byId.get(review.listingId())).toList();
    }

    private Map<Long, Review> reviewsOf(List<Booking> bookings) {
        Map<Long, Review> byBooking = new HashMap<>();
        for (Row row : sql.rows("SELECT " + ReviewService.COLUMNS + " FROM review r WHERE r.booking_id IN (:ids) "
                + "AND NOT r.hidden", Map.of("ids", ids(bookings)))) {
            Review review = ReviewService.review(row);
            byBooking.put(review.bookingId(), review);
        }
        return byBooking;
    }

    private static List<Long> ids(List<Booking> bookings) {
        return bookings.stream().map(booking -> Long.parseLong(booking.id())).toList();
    }
}
