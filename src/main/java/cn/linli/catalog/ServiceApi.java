package cn.linli.catalog;

import cn.linli.common.ApiErrors;
import cn.linli.common.NotFoundException;
import cn.linli.common.SelectedPaths;
import cn.linli.region.Region;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
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
        Set<String> serviceFields = SelectedPaths.under(selection.belowCurrentField(), "edges.node");
        return services.search(filter, near, orderBy, first, after, ServiceQueries.Columns.forSelection(serviceFields),
                ServiceQueries.Part.forSelection(serviceFields));
    }

    @Query("service")
    @Description("One published service by id.")
    @NonNull
    public Service service(@Name("id") @Description("The service's id; NOT_FOUND unless it is published by an ACTIVE or BARRED "
            + "organization.") @Id String id) {
        return services.visible(id, ServiceQueries.Part.forSelection(selection.belowCurrentField()))
                .orElseThrow(() -> new NotFoundException("error.service.notFound", id));
    }

    @Description("Weekly opening hours, Monday first.")
    @NonNull
    public List<List<Schedule.@NonNull WeeklyHours>> weeklyHours(@Source List<Service> list) {
        return services.weeklyHours(list);
    }

    @Description("Dated exceptions from today on (holidays, extra hours).")
    @NonNull
    public List<List<Schedule.@NonNull ScheduleException>> scheduleExceptions(@Source List<Service> list) {
        return services.scheduleExceptions(list);
    }

    @Description("The community (or grid) where the service is located.")
    public List<Region> region(@Source List<Service> list) {
        return services.regions(list);
    }

    @Description("The regions the service serves (上门 services come to homes there).")
    @NonNull
    public List<List<@NonNull Region>> serviceArea(@Source List<Service> list) {
        return services.serviceAreas(list);
    }
}
