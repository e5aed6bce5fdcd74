package cn.linli.identity;

import cn.linli.region.Region;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A community worker's (社区工作者 / 网格员) appointment to a community or grid: they serve its residents.")
public record CommunityWorkerAppointment(
        @Description("The worker's token subject.") @NonNull String subject,
        @Description("The community or grid served (a community's worker serves its grids too).") @NonNull Region region,
        @Description("When appointed.") @NonNull OffsetDateTime appointedAt) {
}
