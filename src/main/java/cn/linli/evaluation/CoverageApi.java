package cn.linli.evaluation;

import cn.linli.common.ApiErrors;
import cn.linli.evaluation.EvaluationViews.CommunityCoverage;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Where services are missing (15分钟社区生活圈): GraphQL onto {@link Coverage}. */
@GraphQLApi
@ApiErrors
public class CoverageApi {
    @Inject
    Coverage coverage;

    @Query("coverage")
    @NonNull
    @Description("Official: per community of the region (in your jurisdiction), the published services of the category that "
            + "serve it (located within 1 500 m, or HOME_VISIT / ONLINE ones whose service area covers it), their weekly "
            + "capacity per 1 000 people of the group the category serves, and its open needs; a gap has no service, or "
            + "capacity per 1 000 under minCapacityPer1000.")
    public List<@NonNull CommunityCoverage> coverage(
            @Name("regionCode") @Description("A region in your jurisdiction; its communities are listed, by code.") @NonNull String regionCode,
            @Name("categoryCode") @Description("A category; its descendants count too (none: every category).") String categoryCode,
            @Name("minCapacityPer1000") @Description("Weekly places per 1 000 people of the served group under which a community "
                    + "is a gap (0 … 1 000 000; none: only communities without any service are gaps).") Double minCapacityPer1000) {
        return coverage.coverage(regionCode, categoryCode, minCapacityPer1000);
    }
}
