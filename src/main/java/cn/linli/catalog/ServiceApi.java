package cn.linli.catalog;

import cn.linli.common.ApiErrors;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.SelectedPaths;
import cn.linli.common.Sql;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@ApiErrors
public class ServiceApi {
    @Inject
    ServiceQueries services;
    @Inject
    RegionQueries regions;
    @Inject
    Sql sql;
    @Inject
    SelectedPaths selection;

    @Query("services")
    @Description("Search published services of active organizations. With `near`, only services within the radius "
            + "(default 1 500 m), each with its distance. `first` is at most 100.")
    @NonNull
    public ServiceConnection services(
            @Name("filter") @Description("Which services (all fields optional).") ServiceFilter filter,
            @Name("near") @Description("A point and radius: only services located within it, each with distanceMeters.") NearInput near,
            @Name("orderBy") @Description("Order of the results (default: RELEVANCE with a keyword, else DISTANCE with `near`, "
                    + "else NEWEST).") ServiceOrder orderBy,
            @Name("first") @Description("How many (at most 100, default 20).") Integer first,
            @Name("after") @Description("The cursor after which the page starts, from a page of the same search (a cursor "
                    + "of another order is VALIDATION).") String after) {
        return services.search(filter, near, orderBy, first, after,
                ServiceQueries.Columns.forSelection(SelectedPaths.under(selection.belowCurrentField(), "edges.node")));
    }

    @Query("service")
    @Description("One published service by id.")
    @NonNull
    public Service service(@Name("id") @Description("The service's id; NOT_FOUND unless it is published by an ACTIVE or BARRED "
            + "organization.") @Id String id) {
        return services.visible(id).orElseThrow(() -> new NotFoundException("error.service.notFound", id));
    }

    @Description("Weekly opening hours, Monday first.")
    @NonNull
    public List<List<Schedule.@NonNull WeeklyHours>> weeklyHours(@Source List<Service> list) {
        Map<Long, List<Schedule.WeeklyHours>> byListing = new HashMap<>();
        for (Row row : sql.rows("SELECT listing_id, weekday, opens, closes FROM listing_weekly_hours "
                + "WHERE listing_id IN (:ids) ORDER BY weekday, opens", Map.of("ids", ids(list)))) {
            Schedule.WeeklyHours hours = new Schedule.WeeklyHours(row.longValue("listing_id"), row.intValue("weekday"),
                    row.time("opens"), row.time("closes"));
            byListing.computeIfAbsent(hours.listingId(), id -> new ArrayList<>()).add(hours);
        }
        return list.stream().map(s -> byListing.getOrDefault(Long.parseLong(s.id()), List.of())).toList();
    }

    @Description("Dated exceptions from today on (holidays, extra hours).")
    @NonNull
    public List<List<Schedule.@NonNull ScheduleException>> scheduleExceptions(@Source List<Service> list) {
        Map<Long, List<Schedule.ScheduleException>> byListing = new HashMap<>();
        for (Row row : sql.rows("SELECT listing_id, on_date, closed, opens, closes, note FROM listing_schedule_exception "
                + "WHERE listing_id IN (:ids) AND on_date >= :today ORDER BY on_date, opens",
                Map.of("ids", ids(list), "today", LocalDate.now(Row.CHINA)))) {
            Schedule.ScheduleException exception = new Schedule.ScheduleException(row.longValue("listing_id"),
                    row.date("on_date"), row.bool("closed"), row.time("opens"), row.time("closes"), row.string("note"));
            byListing.computeIfAbsent(exception.listingId(), id -> new ArrayList<>()).add(exception);
        }
        return list.stream().map(s -> byListing.getOrDefault(Long.parseLong(s.id()), List.of())).toList();
    }

    @Description("The community (or grid) where the service is located.")
    public List<Region> region(@Source List<Service> list) {
        List<Long> regionIds = list.stream().map(Service::regionId).filter(id -> id != null).distinct().toList();
        Map<Long, Region> byId = regions.byIds(regionIds).stream().collect(Collectors.toMap(Region::id, Function.identity()));
        return list.stream().map(s -> s.regionId() == null ? null : byId.get(s.regionId())).toList();
    }

    @Description("The regions the service serves (上门 services come to homes there).")
    @NonNull
    public List<List<@NonNull Region>> serviceArea(@Source List<Service> list) {
        Set<String> codes = new LinkedHashSet<>();
        list.forEach(s -> codes.addAll(s.areaCodes()));
        Map<String, Region> byCode = regions.byCodes(codes).stream().collect(Collectors.toMap(Region::code, Function.identity()));
        return list.stream().map(s -> s.areaCodes().stream().map(byCode::get).filter(r -> r != null).toList()).toList();
    }

    private static List<Long> ids(List<Service> list) {
        return list.stream().map(s -> Long.parseLong(s.id())).toList();
    }
}
