package cn.linli.notification;

import cn.linli.common.PgChannel;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Notifications for the residents' subscriptions, across instances (channel {@value #CHANNEL}): the payload is
 * the id and the resident's subject, never a text.
 */
@ApplicationScoped
public class NotificationEvents extends PgChannel<NotificationEvents.Written> {
    static final String CHANNEL = "linli_notifications";

    /** A committed notification: its id and whose it is. */
    record Written(long id, String residentSubject) {
    }

    public NotificationEvents() {
        super(CHANNEL);
    }

    /** Announces a notification; delivered when the surrounding transaction commits. */
    void published(long id, String residentSubject) {
        announce(id + ":" + residentSubject);
    }

    Multi<Written> of(String residentSubject) {
        return events().filter(written -> written.residentSubject().equals(residentSubject));
    }

    @Override
    protected Written parse(String payload) {
        int colon = payload.indexOf(':');
        return new Written(Long.parseLong(payload.substring(0, colon)), payload.substring(colon + 1));
    }
}
