package cn.linli.catalog;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a listing is open and which slots it offers: weekly ranges, replaced on a date by that date's
 * exceptions (closed, or other hours). Slots of {@code slotMinutes} start at each range's opening time.
 */
public final class OpeningHours {
    record Range(LocalTime opens, LocalTime closes) {
    }

    private final Map<Integer, List<Range>> weekly = new HashMap<>();
    private final Map<LocalDate, List<Range>> exceptions = new HashMap<>();
    private final int slotMinutes;

    private OpeningHours(int slotMinutes) {
        this.slotMinutes = slotMinutes;
    }

    /** Reads a listing's hours (one statement): every weekly range and every exception. */
    public static OpeningHours of(Sql sql, long listingId, int slotMinutes) {
        return read(sql, slotMinutes, "", "", Map.of("id", listingId));
    }

    /**
     * Reads a listing's hours of one date only (one statement): that weekday's ranges and the date's exceptions,
     * which is all {@link #isSlotStart} and {@link #slotsOn} need for it.
     */
    public static OpeningHours on(Sql sql, long listingId, int slotMinutes, LocalDate date) {
        return read(sql, slotMinutes, " AND weekday = :weekday", " AND on_date = :date",
                Map.of("id", listingId, "weekday", date.getDayOfWeek().getValue(), "date", date));
    }

    private static OpeningHours read(Sql sql, int slotMinutes, String weeklyFilter, String exceptionFilter,
            Map<String, ?> params) {
        OpeningHours hours = new OpeningHours(slotMinutes);
        for (Row row : sql.rows("SELECT false AS exception, weekday, CAST(NULL AS date) AS on_date, false AS closed, "
                + "opens, closes FROM listing_weekly_hours WHERE listing_id = :id" + weeklyFilter
                + " UNION ALL SELECT true, NULL, on_date, closed, opens, closes FROM listing_schedule_exception "
                + "WHERE listing_id = :id" + exceptionFilter, params)) {
            if (!row.bool("exception")) {
                hours.weekly.computeIfAbsent(row.intValue("weekday"), d -> new ArrayList<>())
                        .add(new Range(row.time("opens"), row.time("closes")));
                continue;
            }
            List<Range> ranges = hours.exceptions.computeIfAbsent(row.date("on_date"), d -> new ArrayList<>());
            if (!row.bool("closed")) {
                ranges.add(new Range(row.time("opens"), row.time("closes")));
            }
        }
        return hours;
    }

    List<Range> rangesOn(LocalDate date) {
        List<Range> ranges = exceptions.get(date);
        return ranges != null ? ranges : weekly.getOrDefault(date.getDayOfWeek().getValue(), List.of());
    }

    /** Whether a slot starts at this local time. */
    public boolean isSlotStart(LocalDateTime start) {
        return slotsOn(start.toLocalDate()).contains(start);
    }

    /** The slot starts of a date, in order. */
    public List<LocalDateTime> slotsOn(LocalDate date) {
        List<LocalDateTime> slots = new ArrayList<>();
        for (Range range : rangesOn(date)) {
            int opens = range.opens().toSecondOfDay() / 60;
            int closes = range.closes().toSecondOfDay() / 60;
            for (int minute = opens; minute + slotMinutes <= closes; minute += slotMinutes) {
                slots.add(date.atTime(LocalTime.ofSecondOfDay(minute * 60L)));
            }
        }
        slots.sort(null);
        return slots;
    }

    public int slotMinutes() {
        return slotMinutes;
    }
}
