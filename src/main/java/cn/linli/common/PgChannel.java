package cn.linli.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
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
 * Events for subscriptions, across instances, through a PostgreSQL channel: an event is announced with
 * {@code pg_notify} inside its transaction (so only committed changes are announced), and every instance LISTENs
 * on its own connection, reconnecting when the database goes away, and passes the events to its subscribers.
 * A subclass names the channel and reads its payload.
 */
public abstract class PgChannel<E> {
    private static final Logger LOG = Logger.getLogger(PgChannel.class);

    @Inject
    Sql sql;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private final String channel;
    private final BroadcastProcessor<E> processor = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    protected PgChannel(String channel) {
        this.channel = channel;
    }

    /** The event a notification's payload stands for. */
    protected abstract E parse(String payload);

    /** Announces an event; delivered when the surrounding transaction commits. */
    protected void announce(String payload) {
        sql.rows("SELECT CAST(pg_notify(:channel, :payload) AS text) AS sent", Map.of("channel", channel, "payload", payload));
    }

    /** Every event from now on, from every instance. */
    protected Multi<E> events() {
        return processor;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, channel + "-listener");
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
                statement.execute("LISTEN " + channel);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            processor.onNext(parse(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("%s: the database connection failed (%s); reconnecting", channel, e.getSQLState());
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
