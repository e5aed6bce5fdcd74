package cn.linli.common;

import org.eclipse.microprofile.graphql.Description;

@Description("A point on Earth in WGS-84 degrees.")
public record Location(@Description("Latitude, -90 … 90.") double lat, @Description("Longitude, -180 … 180.") double lng) {
}
