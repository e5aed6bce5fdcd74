package cn.linli.notification;

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
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Notifications for the residents' subscriptions, across instances: each is announced with {@code pg_notify}
 * inside the transaction that writes it (so only committed ones are announced; the payload is the id and the
 * resident's subject, never a text), and every instance LISTENs on its own connection.
 */
@ApplicationScoped
public class NotificationEvents {
    private static final Logger LOG = Logger.getLogger(NotificationEvents.class);
    static final String CHANNEL = "linli_notifications";

    /** A committed notification: its id and whose it is. */
    record Written(long id, String residentSubject) {
    }

    @Inject
    Sql sql;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private final BroadcastProcessor<Written> processor = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    /** Announces a notification; delivered when the surrounding transaction commits. */
    void published(long id, String residentSubject) {
        sql.rows("SELECT CAST(pg_notify(:channel, :payload) AS text) AS sent",
                Map.of("channel", CHANNEL, "payload", id + ":" + residentSubject));
    }

    Multi<Written> of(String residentSubject) {
        return processor.filter(written -> written.residentSubject().equals(residentSubject));
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "notification-events-listener");
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
                            String payload = notification.getParameter();
                            int colon = payload.indexOf(':');
                            processor.onNext(new Written(Long.parseLong(payload.substring(0, colon)), payload.substring(colon + 1)));
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Notification events: the database connection failed (%s); reconnecting", e.getSQLState());
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
