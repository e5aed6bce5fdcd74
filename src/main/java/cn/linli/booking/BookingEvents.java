package cn.linli.booking;

import cn.linli.common.PgChannel;
import cn.linli.common.Row;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** Booking changes for the consoles' subscriptions, across instances (channel {@value #CHANNEL}). */
@ApplicationScoped
public class BookingEvents extends PgChannel<BookingEvent> {
    static final String CHANNEL = "linli_booking_events";

    public BookingEvents() {
        super(CHANNEL);
    }

    /** Announces a change; delivered when the surrounding transaction commits. */
    void published(long organizationId, long bookingId, BookingStatus status) {
        announce(organizationId + ":" + bookingId + ":" + status.name());
    }

    public Multi<BookingEvent> of(long organizationId) {
        return events().filter(event -> event.organizationId() == organizationId);
    }

    @Override
    protected BookingEvent parse(String payload) {
        String[] parts = payload.split(":");
        return new BookingEvent(Long.parseLong(parts[0]), parts[1], BookingStatus.valueOf(parts[2]), OffsetDateTime.now(Row.CHINA));
    }
}
