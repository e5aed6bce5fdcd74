package cn.linli.region;

import cn.linli.common.ApiErrors;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@ApiErrors
public class RegionApi {
    @Inject
    RegionQueries regions;
    @Inject
    RegionService service;
    @Inject
    RegionImport regionImport;

    @Mutation("createGrid")
    @Description("An official over the community: create a grid (网格) under it. The code extends the community's; "
            + "a code already used is CONFLICT.")
    public Region createGrid(@Name("input") @Description("The community, the grid's code and name.") @NonNull RegionInputs.CreateGrid input) {
        return service.createGrid(input);
    }

    @Mutation("importRegions")
    @Description("An admin, or an official for rows within their jurisdiction: import regions from a CSV of 统计用区划代码 "
            + "(header row: code, name, level, parentCode, lat, lng, population, aged60Plus, children0To3, children3To12; "
            + "see the README). Idempotent by code: a region already there gets the row's name, centroid and figures, an "
            + "empty cell keeps what is stored, nothing is deleted. Any row error refuses the whole file: VALIDATION with "
            + "extensions.rowErrors [{line, column, message}], nothing applied. Text that is not UTF-8 is refused. Files over "
            + "240 000 characters go to POST /admin/import/regions.")
    @NonNull
    public RegionImport.Result importRegions(@Name("input") @Description("The CSV file.") @NonNull RegionInputs.ImportRegions input) {
        return regionImport.importCsv(input.csv(), "input.csv");
    }

    @Query("regions")
    @Description("The children of a region (by code), or the top-level regions when no parentCode is given.")
    @NonNull
    public List<@NonNull Region> regions(
            @Name("parentCode") @Description("Code of the parent region (统计用区划代码, e.g. 620103); none: the top-level regions.") String parentCode) {
        if (parentCode == null) {
            return regions.roots();
        }
        Region parent = regions.require(parentCode, "parentCode");
        return regions.childrenOf(List.of(parent.id()));
    }

    @Query("region")
    @Description("One region by its code; VALIDATION when the code is unknown.")
    @NonNull
    public Region region(@Name("code") @Description("The region's code (统计用区划代码), e.g. 620103001 for 西园街道.") String code) {
        return regions.require(code, "code");
    }

    @Description("The region this one belongs to (null for the top).")
    public List<Region> parent(@Source List<Region> children) {
        List<Long> ids = children.stream().map(Region::parentId).filter(id -> id != null).distinct().toList();
        Map<Long, Region> byId = regions.byIds(ids).stream().collect(Collectors.toMap(Region::id, Function.identity()));
        return children.stream().map(child -> child.parentId() == null ? null : byId.get(child.parentId())).toList();
    }

    @Description("The regions directly below this one, ordered by code.")
    @NonNull
    public List<List<@NonNull Region>> children(@Source List<Region> parents) {
        Map<Long, List<Region>> byParent = new HashMap<>();
        for (Region child : regions.childrenOf(parents.stream().map(Region::id).toList())) {
            byParent.computeIfAbsent(child.parentId(), id -> new ArrayList<>()).add(child);
        }
        return parents.stream().map(parent -> byParent.getOrDefault(parent.id(), List.of())).toList();
    }
}
