package cn.linli.catalog;

import cn.linli.region.Region;
import java.util.List;

/**
 * What a service shows from other tables — its weekly hours, its exceptions from today on, its region and its service
 * area — when the statement that read the service read them too ({@link ServiceQueries.Part}: the service page reads
 * everything in one statement, issue 16). Null where that statement did not; the batched fields then read them for
 * all services of the response at once ({@link ServiceQueries#weeklyHours} and the others).
 */
public record ServiceParts(List<Schedule.WeeklyHours> weeklyHours, List<Schedule.ScheduleException> exceptions,
        Region region, List<Region> serviceArea) {
    static final ServiceParts NONE = new ServiceParts(null, null, null, null);
}
