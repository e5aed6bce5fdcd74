package cn.linli.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("社会组织评估等级, 1A (lowest) … 5A (highest); valid five years from the assessment.")
public enum RatingLevel {
    A1, A2, A3, A4, A5;

    public int stars() {
        return ordinal() + 1;
    }

    public static RatingLevel ofStars(Integer stars) {
        return stars == null ? null : values()[stars - 1];
    }
}
