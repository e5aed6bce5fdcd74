package cn.linli.notification;

import cn.linli.common.Caller;
import cn.linli.common.Ids;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.Language;
import cn.linli.common.Messages;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Residents' notifications, an outbox: {@link #notify} writes one in the transaction of its cause (and announces
 * it with pg_notify, delivered at commit to the subscribers of every instance), so a cause rolled back leaves no
 * notification and a committed one always has it. A row holds the kind, the entity and what the resident already
 * knows of it (the service's title, the slot); the texts come from the i18n keys {@code notification.<KIND>.title}
 * and {@code .body} in the reader's language. Texts are never logged.
 */
@ApplicationScoped
public class Notifications {
    static final String COLUMNS = "n.id, n.resident_subject, n.kind, n.entity_type, n.entity_id, n.params ->> 'title' AS p_title, "
            + "n.params ->> 'slot' AS p_slot, n.created_at, n.read_at";
    private static final KeysetQuery NEWEST_FIRST = new KeysetQuery("notifications", List.of(new Key("n.id", "bigint")), true);
    private static final int MAX_IDS = 100;
    private static final int EVENT_BUFFER = 256;
    private static final String SLOT = "'YYYY-MM-DD HH24:MI'";
    /** The first key of the per-resident advisory locks (the second is the subject's hash). */
    static final int LOCK_SPACE = 0x4E4F54; // "NOT"

    @Inject
    Sql sql;
    @Inject
    Caller caller;
    @Inject
    NotificationEvents events;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "linli.notify.webhook-url")
    Optional<String> webhookUrl;

    /**
     * Writes a notification for the resident, in the caller's transaction (there must be one: the outbox row
     * commits or rolls back with its cause). The service's title and the slot (or date) of the entity are added to
     * {@code params}; callers add nothing personal. Returns the notification's id (-1 without a resident).
     *
     * @param entityType Booking, Feedback, ServiceDelivery or ServiceNeed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long notify(String residentSubject, NotificationKind kind, String entityType, long entityId, Map<String, ?> params) {
        if (residentSubject == null) {
            return -1; // nobody with an account to tell (a record of a service not booked through the platform)
        }
        Map<String, Object> all = new HashMap<>(context(entityType, entityId));
        all.putAll(params);
        String text;
        try {
            text = json.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification parameters", e);
        }
        // a resident's notifications commit in the order of their ids (the push goes out in that order): the id is
        // drawn under a per-resident lock held until the cause commits
        sql.rows("SELECT CAST(pg_advisory_xact_lock(:space, hashtext(:subject)) AS text) AS locked",
                Map.of("space", LOCK_SPACE, "subject", residentSubject));
        long id = sql.rows("INSERT INTO notification (resident_subject, kind, entity_type, entity_id, params, push_status) "
                + "VALUES (:subject, :kind, :type, :entity, CAST(:params AS jsonb), :push) RETURNING id",
                Map.of("subject", residentSubject, "kind", kind.name(), "type", entityType, "entity", entityId, "params", text,
                        "push", pushStatus())).get(0).longValue("id");
        events.published(id, residentSubject);
        return id;
    }

    /** What the resident knows of the entity already: the service's title and the slot (or the day). */
    private Map<String, String> context(String entityType, long entityId) {
        String query = switch (entityType) {
            case "Booking" -> "SELECT l.title, to_char(b.slot_start AT TIME ZONE 'Asia/Shanghai', " + SLOT + ") AS slot "
                    + "FROM booking b JOIN service_listing l ON l.id = b.listing_id WHERE b.id = :id";
            case "Feedback" -> "SELECT coalesce(l.title, o.name) AS title, to_char(f.created_at AT TIME ZONE 'Asia/Shanghai', "
                    + "'YYYY-MM-DD') AS slot FROM feedback f LEFT JOIN organization o ON o.id = f.organization_id "
                    + "LEFT JOIN service_listing l ON l.id = f.listing_id WHERE f.id = :id";
            case "ServiceDelivery" -> "SELECT l.title, to_char(d.started_at AT TIME ZONE 'Asia/Shanghai', " + SLOT + ") AS slot "
                    + "FROM service_delivery d JOIN service_listing l ON l.id = d.listing_id WHERE d.id = :id";
            case "ServiceNeed" -> "SELECT c.name_zh AS title, to_char(n.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') "
                    + "AS slot FROM service_need n JOIN category c ON c.id = n.category_id WHERE n.id = :id";
            default -> throw new IllegalArgumentException("no notifications about " + entityType);
        };
        Map<String, String> context = new HashMap<>();
        sql.rows(query, Map.of("id", entityId)).stream().findFirst().ifPresent(row -> {
            context.put("title", row.string("title"));
            context.put("slot", row.string("slot"));
        });
        return context;
    }

    String pushStatus() {
        return webhookUrl.filter(url -> !url.isBlank()).isPresent() ? "PENDING" : "OFF";
    }

    /**
     * The caller's notifications, newest first: a resident's, or a community worker's (what happened to the bookings
     * they made for households without an account, who have nobody else to tell).
     */
    public NotificationConnection mine(Integer first, String after, Boolean unreadOnly) {
        caller.requireAnyRole(Caller.RESIDENT, Caller.COMMUNITY_WORKER);
        String subject = caller.subject();
        List<String> where = new ArrayList<>(List.of("n.resident_subject = :subject"));
        if (Boolean.TRUE.equals(unreadOnly)) {
            where.add("n.read_at IS NULL");
        }
        Map<String, Object> params = Map.of("subject", subject);
        KeysetQuery.Page page = NEWEST_FIRST.fetch(sql, "SELECT " + COLUMNS + " FROM notification n", where, params, after,
                Paging.pageSize(first));
        Language language = Language.current();
        int unread = sql.rows("SELECT count(*) AS unread FROM notification WHERE resident_subject = :subject AND read_at IS NULL",
                params).get(0).intValue("unread");
        return new NotificationConnection(page.edges((cursor, row) -> new NotificationConnection.NotificationEdge(cursor,
                view(row, language))), page.pageInfo(after != null), unread, page.totalCount());
    }

    /**
     * Marks the calling resident's notifications among {@code ids} read; ids of someone else's notifications are
     * ignored exactly like ids never used. Returns the caller's notifications among them.
     */
    @Transactional
    public List<Notification> markRead(List<String> ids) {
        caller.requireAnyRole(Caller.RESIDENT, Caller.COMMUNITY_WORKER);
        String subject = caller.subject();
        if (ids == null || ids.isEmpty()) {
            throw new ValidationException("input.ids", "error.input.required");
        }
        if (ids.size() > MAX_IDS) {
            throw new ValidationException("input.ids", "error.notification.tooMany", MAX_IDS);
        }
        Set<Long> parsed = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            parsed.add(Ids.parse(ids.get(i), "input.ids[" + i + "]"));
        }
        Map<String, Object> params = Map.of("ids", List.copyOf(parsed), "subject", subject);
        sql.update("UPDATE notification SET read_at = now() WHERE id IN (:ids) AND resident_subject = :subject "
                + "AND read_at IS NULL", params);
        Language language = Language.current();
        return sql.rows("SELECT " + COLUMNS + " FROM notification n WHERE n.id IN (:ids) AND n.resident_subject = :subject "
                + "ORDER BY n.id DESC", params).stream().map(row -> view(row, language)).toList();
    }

    /**
     * The calling resident's notifications as they are committed, on any instance. Each event names its resident;
     * it is passed on only when it is the subscriber's (checked again against the row as it is read).
     */
    public Multi<Notification> stream() {
        caller.requireAnyRole(Caller.RESIDENT, Caller.COMMUNITY_WORKER);
        String subject = caller.subject();
        Language language = Language.current();
        return events.of(subject).onOverflow().buffer(EVENT_BUFFER)
                .onItem().transformToUniAndConcatenate(written -> Uni.createFrom().item(() -> own(written.id(), subject, language))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .filter(Optional::isPresent).map(Optional::get);
    }

    private Optional<Notification> own(long id, String subject, Language language) {
        return QuarkusTransaction.requiringNew().call(() -> sql.rows("SELECT " + COLUMNS + " FROM notification n "
                + "WHERE n.id = :id AND n.resident_subject = :subject", Map.of("id", id, "subject", subject)).stream()
                .findFirst().map(row -> view(row, language)));
    }

    /** Every instance runs it: a reminder is written once per booking (a unique index), whoever writes it. */
    @Scheduled(every = "${linli.notify.reminder-every:5m}", delayed = "${linli.jobs.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindRegularly() {
        remindUpcoming();
    }

    /** Writes a reminder for every CONFIRMED booking starting within 24 hours that has none; returns how many. */
    @Transactional
    public int remindUpcoming() {
        String due = "FROM booking b JOIN service_listing l ON l.id = b.listing_id WHERE b.status = 'CONFIRMED' "
                + "AND b.slot_start > now() AND b.slot_start <= now() + interval '24 hours' AND NOT EXISTS (SELECT 1 "
                + "FROM notification r WHERE r.entity_type = 'Booking' AND r.entity_id = b.id AND r.kind = 'BOOKING_REMINDER')";
        // the residents' locks (see notify), in one order on every instance
        sql.rows("SELECT count(*) AS locked FROM (SELECT pg_advisory_xact_lock(:space, h) FROM (SELECT DISTINCT "
                + "hashtext(" + cn.linli.booking.BookingService.RECIPIENT_SQL + ") AS h " + due + " ORDER BY h) AS residents) AS locks", Map.of("space", LOCK_SPACE));
        List<Row> written = sql.rows("INSERT INTO notification (resident_subject, kind, entity_type, entity_id, params, push_status) "
                + "SELECT " + cn.linli.booking.BookingService.RECIPIENT_SQL + ", 'BOOKING_REMINDER', 'Booking', b.id, jsonb_build_object('title', l.title, 'slot', "
                + "to_char(b.slot_start AT TIME ZONE 'Asia/Shanghai', " + SLOT + ")), :push " + due + " ORDER BY b.id "
                + "ON CONFLICT (entity_type, entity_id, kind) WHERE kind = 'BOOKING_REMINDER' DO NOTHING "
                + "RETURNING id, resident_subject", Map.of("push", pushStatus()));
        for (Row row : written) {
            events.published(row.longValue("id"), row.string("resident_subject"));
        }
        return written.size();
    }

    static Notification view(Row row, Language language) {
        NotificationKind kind = NotificationKind.valueOf(row.string("kind"));
        Object[] args = {nullToDash(row.string("p_title")), nullToDash(row.string("p_slot"))};
        return new Notification(row.string("id"), kind, row.string("entity_type"), row.string("entity_id"),
                Messages.get(language, "notification." + kind.name() + ".title", args),
                Messages.get(language, "notification." + kind.name() + ".body", args),
                row.dateTime("created_at"), row.dateTime("read_at"));
    }

    private static String nullToDash(String value) {
        return value == null ? "—" : value;
    }
}
