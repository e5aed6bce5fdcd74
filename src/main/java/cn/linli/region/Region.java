package cn.linli.region;

import cn.linli.common.Location;
import cn.linli.common.Messages;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Ignore;

@Description("An administrative region: 区, 街道/镇, 社区/村 or 网格/小区, with the figures coverage planning needs.")
public record Region(
        @Ignore long id,
        @Ignore Long parentId,
        @Description("Statistical division code (统计用区划代码); grids extend their community's code.") @NonNull String code,
        @Description("Name, e.g. 西园街道.") @NonNull String name,
        @Description("Level in the region tree.") @NonNull RegionLevel level,
        @Description("Centre of the region (WGS-84); null when not recorded.") Location centroid,
        @Description("Resident population; null when not recorded.") Integer population,
        @Description("Residents aged 60 or more; null when not recorded.") Integer aged60Plus,
        @Description("Children aged 0–3; null when not recorded.") Integer children0To3,
        @Description("Children aged 3–12; null when not recorded.") Integer children3To12) {

    @Description("The level's label in the request language (e.g. 街道).")
    @NonNull
    public String getLevelLabel() {
        return Messages.label(level);
    }
}
