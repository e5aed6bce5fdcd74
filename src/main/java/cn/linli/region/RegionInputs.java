package cn.linli.region;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the region mutations. */
public final class RegionInputs {
    private RegionInputs() {
    }

    @Input("CreateGridInput")
    @Description("A grid (网格, the smallest unit of community service) under a community.")
    public record CreateGrid(
            @Description("Code of the COMMUNITY the grid belongs to.") @NonNull String communityCode,
            @Description("The grid's code: the community's code followed by 1 to 6 digits; unique.") @NonNull String code,
            @Description("Name, e.g. 第一网格 (at most 40 characters).") @NonNull String name,
            @Description("Latitude of the grid's centre (WGS-84).") Double lat,
            @Description("Longitude of the grid's centre (WGS-84).") Double lng) {
    }

    @Input("ImportRegionsInput")
    @Description("A CSV file of regions, as text.")
    public record ImportRegions(
            @Description("The file's content: UTF-8 text (a BOM is ignored), a header row, at most 240 000 characters.")
            @NonNull String csv) {
    }
}
