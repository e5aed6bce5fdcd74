package cn.linli.booking;

import org.eclipse.microprofile.graphql.Ignore;
import cn.linli.booking.BookingService.Transition;
import cn.linli.booking.BookingService.Viewer;
import cn.linli.catalog.OpeningHours;
import cn.linli.catalog.Service;
import cn.linli.common.ApiErrors;
import cn.linli.common.Caller;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.PageInfo;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.identity.Me;
import cn.linli.organization.Organization;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import io.smallrye.graphql.api.Subscription;

@GraphQLApi
@ApiErrors
public class BookingApi {
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("bookings", List.of(new Key("b.id", "bigint")), true);
    private static final int MAX_AVAILABILITY_DAYS = 31;

    @Inject
    BookingService bookings;
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;

    @Description("A page of bookings.")
    public record BookingConnection(
            @Description("The bookings of the page.") @NonNull List<@NonNull BookingEdge> edges,
            @Description("Where the page is.") @NonNull PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier total) {
        @Description("A booking and its cursor.")
        public record BookingEdge(
                @Description("The cursor of this booking (pass it as `after` for the page after it).") @NonNull String cursor,
                @Description("The booking.") @NonNull Booking node) {
        }
    }

    @Input("BookingFilter")
    @Description("Which bookings to list: a status and/or slots from … to.")
    public record BookingFilter(
            @Description("Only bookings in this status.") BookingStatus status,
            @Description("Only bookings whose slot starts at or after this moment.") OffsetDateTime from,
            @Description("Only bookings whose slot starts before this moment.") OffsetDateTime to) {
    }

    @Input("MyBookingFilter")
    @Description("Which of your bookings to list: a status and/or a service.")
    public record MyBookingFilter(
            @Description("Only bookings in this status (wins over the older `status` argument).") BookingStatus status,
            @Description("Only bookings of this service.") @org.eclipse.microprofile.graphql.Id String serviceId) {
    }

    @Description("Free places of one slot.")
    public record Slot(
            @Description("When the slot starts (slots start at each opening time, one every slotMinutes).") @NonNull OffsetDateTime start,
            @Description("When it ends: the start plus the service's slotMinutes.") @NonNull OffsetDateTime end,
            @Description("Places in the slot: the service's capacityPerSlot.") int capacity,
            @Description("Places still free: capacity less those held by bookings (requested or confirmed); 0 when full.") int free) {
    }

    @Mutation("bookOnBehalf")
    @Description("Community worker: 代办, book for a member of a household in a community or grid you serve (offline "
            + "households too). The household's resident sees the booking and may cancel it.")
    public Booking bookOnBehalf(@Name("input") @Description("The member, service, slot and idempotency key.") @NonNull BookingInputs.BookOnBehalf input) {
        return bookings.bookOnBehalf(input);
    }

    @Mutation("bookService")
    @Description("Resident: book a slot for yourself or a family member. Retrying the same request with the same "
            + "idempotency key returns the first booking; a different request under a used key gets CONFLICT; a full slot "
            + "gets CONFLICT, and so does a booking beyond the resident's limit of live (requested or confirmed) bookings "
            + "of the service on one day; eligibility failures say which rule failed.")
    public Booking bookService(@Name("input") @Description("The service, slot, beneficiary, contact phone and idempotency key.") @NonNull BookingInputs.BookService input) {
        return bookings.book(input);
    }

    @Mutation("confirmBooking")
    @Description("Organization member: confirm a REQUESTED booking.")
    public Booking confirmBooking(@Name("input") @Description("The booking.") @NonNull BookingInputs.Action input) {
        return bookings.act(input, Transition.CONFIRM);
    }

    @Mutation("rejectBooking")
    @Description("Organization member: reject a REQUESTED booking, with a reason; the place is freed.")
    public Booking rejectBooking(@Name("input") @Description("The booking and the reason (required).") @NonNull BookingInputs.Action input) {
        return bookings.act(input, Transition.REJECT);
    }

    @Mutation("completeBooking")
    @Description("Organization member: the service was given (after the slot started).")
    public Booking completeBooking(@Name("input") @Description("The booking.") @NonNull BookingInputs.Action input) {
        return bookings.act(input, Transition.COMPLETE);
    }

    @Mutation("markNoShow")
    @Description("Organization member: the resident did not come (after the slot started).")
    public Booking markNoShow(@Name("input") @Description("The booking.") @NonNull BookingInputs.Action input) {
        return bookings.act(input, Transition.NO_SHOW);
    }

    @Mutation("cancelBooking")
    @Description("The resident (until the slot starts) or the organization (with a reason) cancels; the place is freed.")
    public Booking cancelBooking(@Name("input") @Description("The booking and, for the organization, the reason (required).") @NonNull BookingInputs.Action input) {
        return bookings.act(input, Transition.CANCEL);
    }

    @NonNull
    @Description("Resident: your bookings, newest first; filter by status and/or service (filter.status wins over the "
            + "older status argument).")
    public BookingConnection bookings(@Source Me me,
            @Name("status") @Description("Only bookings in this status (the older form of filter.status).") BookingStatus status,
            @Name("filter") @Description("Which of your bookings: a status and/or a service.") MyBookingFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        caller.requireRole(Caller.RESIDENT);
        List<String> where = new ArrayList<>(List.of("b.resident_subject = :subject"));
        Map<String, Object> params = new HashMap<>(Map.of("subject", caller.subject()));
        BookingStatus wanted = filter != null && filter.status() != null ? filter.status() : status;
        if (wanted != null) {
            where.add("b.status = :status");
            params.put("status", wanted.name());
        }
        if (filter != null && filter.serviceId() != null) {
            where.add("b.listing_id = :listing");
            params.put("listing", cn.linli.common.Ids.parse(filter.serviceId(), "filter.serviceId"));
        }
        return page(where, params, first, after, Viewer.RESIDENT);
    }

    @NonNull
    @Description("Members of the organization: its bookings, newest first.")
    public BookingConnection bookings(@Source Organization organization,
            @Name("filter") @Description("Which bookings: a status and/or slots starting from … to.") BookingFilter filter,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts.") String after) {
        long id = Long.parseLong(organization.id());
        access.requireMember(id);
        List<String> where = new ArrayList<>(List.of("b.organization_id = :organization"));
        Map<String, Object> params = new HashMap<>(Map.of("organization", id));
        if (filter != null) {
            if (filter.status() != null) {
                where.add("b.status = :status");
                params.put("status", filter.status().name());
            }
            if (filter.from() != null) {
                where.add("b.slot_start >= :from");
                params.put("from", filter.from());
            }
            if (filter.to() != null) {
                where.add("b.slot_start < :to");
                params.put("to", filter.to());
            }
        }
        return page(where, params, first, after, Viewer.ORGANIZATION);
    }

    @NonNull
    @Description("Free places per slot between two dates (inclusive, at most 31 days), for anyone.")
    public List<@NonNull Slot> availability(@Source Service service,
            @Name("from") @Description("The first day (China Standard Time), inclusive; slots already started are left out.") @NonNull LocalDate from,
            @Name("to") @Description("The last day, inclusive: not before from, at most 31 days after it.") @NonNull LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_AVAILABILITY_DAYS).isBefore(to)) {
            throw new ValidationException("to", "error.availability.range", MAX_AVAILABILITY_DAYS);
        }
        long listingId = Long.parseLong(service.id());
        OpeningHours hours = OpeningHours.of(sql, listingId, service.slotMinutes());
        Map<OffsetDateTime, Integer> taken = new HashMap<>();
        for (Row row : sql.rows("SELECT slot_start, taken FROM booking_slot WHERE listing_id = :id AND slot_start >= :from "
                + "AND slot_start < :to", Map.of("id", listingId, "from", from.atStartOfDay(Row.CHINA).toOffsetDateTime(),
                "to", to.plusDays(1).atStartOfDay(Row.CHINA).toOffsetDateTime()))) {
            taken.put(row.dateTime("slot_start"), row.intValue("taken"));
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (LocalDateTime local : hours.slotsOn(date)) {
                OffsetDateTime start = local.atZone(Row.CHINA).toOffsetDateTime();
                if (start.isAfter(now)) {
                    int free = Math.max(0, service.capacityPerSlot() - taken.getOrDefault(start, 0));
                    slots.add(new Slot(start, start.plusMinutes(service.slotMinutes()), service.capacityPerSlot(), free));
                }
            }
        }
        return slots;
    }

    @Subscription("bookingEvents")
    @Description("Members of the organization: new and changed bookings as they are committed (any instance). "
            + "Membership is checked for every event: a member removed from the organization gets FORBIDDEN and the "
            + "stream ends. Authorize the websocket with the token (Authorization header, or in the connection_init payload).")
    public Multi<BookingEvent> bookingEvents(
            @Name("organizationId") @Description("The organization whose bookings to follow; you must be its member.") @NonNull @Id String organizationId) {
        return bookings.events(organizationId);
    }

    private BookingConnection page(List<String> where, Map<String, Object> params, Integer first, String after,
            Viewer viewer) {
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, "SELECT " + BookingService.COLUMNS + " FROM booking b", where,
                params, after, Paging.pageSize(first));
        return new BookingConnection(page.edges((cursor, row) -> new BookingConnection.BookingEdge(cursor,
                BookingService.view(row, viewer))), page.pageInfo(after != null), page.totalCount());
    }

    // a source field: counted on a worker thread, and only when asked for
    @Description("How many bookings match the filter in all, over every page (the caller may see) (counted only when asked for).")
    public int totalCount(@Source BookingConnection page) {
        return page.total().getAsInt();
    }
}
