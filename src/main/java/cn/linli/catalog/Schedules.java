package cn.linli.catalog;

import cn.linli.catalog.ServiceListingRecord.ScheduleExceptionRow;
import cn.linli.catalog.ServiceListingRecord.WeeklyHoursRow;
import cn.linli.common.Inputs;
import cn.linli.common.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Validation of opening hours: each range closes after it opens, and ranges of one day do not overlap. */
final class Schedules {
    private Schedules() {
    }

    static List<WeeklyHoursRow> weekly(List<ListingInputs.WeeklyHours> input, String field) {
        if (input.size() > 70) {
            throw new ValidationException(field, "error.input.range", 0, 70);
        }
        List<WeeklyHoursRow> rows = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ListingInputs.WeeklyHours hours = input.get(i);
            String at = field + "[" + i + "]";
            if (hours.weekday() < 1 || hours.weekday() > 7) {
                throw new ValidationException(at + ".weekday", "error.input.range", 1, 7);
            }
            if (!hours.opens().isBefore(hours.closes())) {
                throw new ValidationException(at + ".closes", "error.schedule.closesBeforeOpens");
            }
            rows.add(new WeeklyHoursRow(hours.weekday(), hours.opens(), hours.closes()));
        }
        rows.sort(Comparator.<WeeklyHoursRow>comparingInt(r -> r.weekday).thenComparing(r -> r.opens));
        for (int i = 1; i < rows.size(); i++) {
            WeeklyHoursRow previous = rows.get(i - 1);
            WeeklyHoursRow current = rows.get(i);
            if (previous.weekday == current.weekday && current.opens.isBefore(previous.closes)) {
                throw new ValidationException(field, "error.schedule.overlap", previous, current);
            }
        }
        return rows;
    }

    static List<ScheduleExceptionRow> exceptions(List<ListingInputs.ScheduleException> input, String field) {
        if (input.size() > 400) {
            throw new ValidationException(field, "error.input.range", 0, 400);
        }
        List<ScheduleExceptionRow> rows = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ListingInputs.ScheduleException exception = input.get(i);
            String at = field + "[" + i + "]";
            String note = Inputs.optional(exception.note(), at + ".note", 100);
            if (exception.closed()) {
                rows.add(new ScheduleExceptionRow(exception.date(), true, null, null, note));
                continue;
            }
            if (exception.opens() == null || exception.closes() == null) {
                throw new ValidationException(at + ".opens", "error.schedule.exceptionHours");
            }
            if (!exception.opens().isBefore(exception.closes())) {
                throw new ValidationException(at + ".closes", "error.schedule.closesBeforeOpens");
            }
            rows.add(new ScheduleExceptionRow(exception.date(), false, exception.opens(), exception.closes(), note));
        }
        rows.sort(Comparator.<ScheduleExceptionRow, java.time.LocalDate>comparing(r -> r.onDate)
                .thenComparing(r -> r.opens, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 1; i < rows.size(); i++) {
            ScheduleExceptionRow previous = rows.get(i - 1);
            ScheduleExceptionRow current = rows.get(i);
            if (previous.onDate.equals(current.onDate)
                    && (previous.closed || current.closed || current.opens.isBefore(previous.closes))) {
                throw new ValidationException(field, "error.schedule.overlap", previous, current);
            }
        }
        return rows;
    }
}
