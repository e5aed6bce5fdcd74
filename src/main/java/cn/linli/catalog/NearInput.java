package cn.linli.catalog;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("NearInput")
@Description("A circle around the resident: services inside it, each with its distance.")
public record NearInput(
        @Description("Latitude, -90 … 90.") double lat,
        @Description("Longitude, -180 … 180.") double lng,
        @Description("Radius in metres, 1 … 50 000; default 1 500 (a 15-minute walk, 15分钟社区生活圈).") Integer radiusMeters) {
    public static final int DEFAULT_RADIUS = 1500;
    public static final int MAX_RADIUS = 50_000;
}
