package cn.linli.catalog;

import cn.linli.organization.RatingLevel;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("ServiceFilter")
@Description("Which services to find. Every field is optional; given fields must all match.")
public record ServiceFilter(
        @Description("A category code; its descendants match too (养老 finds 助餐, 助浴 …).") String categoryCode,
        @Description("Chinese or other text in the title or description, at most 50 characters; space-separated terms must all occur.") String keyword,
        @Description("A community or any region above it: services located there or whose service area covers it.") String regionCode,
        @Description("Only services open at this moment, by their weekly hours and dated exceptions (Asia/Shanghai).") OffsetDateTime openAt,
        @Description("Free, subsidized or paid.") Pricing pricing,
        @Description("Only services a person of this age may use.") Integer age,
        @Description("Only services a person of this group may use (services open to everyone included).") TargetGroup targetGroup,
        @Description("How the service is delivered.") ServiceMode mode,
        @Description("true: only services funded by a government purchase contract (政府购买服务); false: only others.") Boolean governmentFunded,
        @Description("Only services of organizations with at least this valid rating level.") RatingLevel minRatingLevel,
        @Description("Only this organization's services.") @Id String organizationId) {
}
