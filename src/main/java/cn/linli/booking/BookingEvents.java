package cn.linli.booking;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Booking changes for the consoles' subscriptions, across instances: a change is announced with
 * {@code pg_notify} inside its transaction (so only committed changes are announced), and every instance
 * LISTENs on its own connection and passes the events to its subscribers.
 */
@ApplicationScoped
public class BookingEvents {
    private static final Logger LOG = Logger.getLogger(BookingEvents.class);
    static final String CHANNEL = "linli_booking_events";

    @Inject
    Sql sql;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private final BroadcastProcessor<BookingEvent> processor = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    /** Announces a change; delivered when the surrounding transaction commits. */
    void published(long organizationId, long bookingId, BookingStatus status) {
        sql.rows("SELECT CAST(pg_notify(:channel, :payload) AS text) AS sent",
                Map.of("channel", CHANNEL, "payload", organizationId + ":" + bookingId + ":" + status.name()));
    }

    public Multi<BookingEvent> of(long organizationId) {
        return processor.filter(event -> event.organizationId() == organizationId);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "booking-events-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            String[] parts = notification.getParameter().split(":");
                            processor.onNext(new BookingEvent(Long.parseLong(parts[0]), parts[1],
                                    BookingStatus.valueOf(parts[2]), OffsetDateTime.now(Row.CHINA)));
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Booking events: the database connection failed (%s); reconnecting", e.getSQLState());
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
