package cn.linli.organization;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("OrganizationFilter")
@Description("Which organizations to list. Every field is optional; given fields must all match.")
public record OrganizationFilter(
        @Description("Part of the name, e.g. 助老 or 社工.") String keyword,
        @Description("Organizations serving this category or one of its descendants.") String categoryCode,
        @Description("Organizations registered in this region or below it.") String regionCode,
        @Description("At least this valid rating level.") RatingLevel minRatingLevel,
        @Description("Only organizations in this state (default: ACTIVE and BARRED, the public ones). Any other state is an "
                + "official's work queue: FORBIDDEN for others, and for an official it lists their jurisdiction only "
                + "(regionCode, when given, must lie within it).") OrganizationStatus status) {
}
