package cn.linli.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("社会组织评估等级, 1A (lowest) … 5A (highest); valid five years from the assessment.")
public enum RatingLevel {
    @Description("1A, the lowest level.") A1,
    @Description("2A.") A2,
    @Description("3A.") A3,
    @Description("4A.") A4,
    @Description("5A, the highest level.") A5;

    public int stars() {
        return ordinal() + 1;
    }

    public static RatingLevel ofStars(Integer stars) {
        return stars == null ? null : values()[stars - 1];
    }
}
