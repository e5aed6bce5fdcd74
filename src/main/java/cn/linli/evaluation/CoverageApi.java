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

/** Where services are missing (15分钟社区生活圈): the mapping of {@link Coverage} to GraphQL. */
@GraphQLApi
@ApiErrors
public class CoverageApi {
    @Inject
    Coverage coverage;

    @Query("coverage")
    @NonNull
    @Description("Official: per community of the region (in your jurisdiction), the published services of the category "
            + "that reach it, their capacity, the people they serve, and the distance to the nearest; gap = none within 1 500 m.")
    public List<CommunityCoverage> coverage(@Name("regionCode") @NonNull String regionCode, @Name("categoryCode") String categoryCode) {
        return coverage.coverage(regionCode, categoryCode, null);
    }
}
