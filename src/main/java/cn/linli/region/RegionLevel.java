package cn.linli.region;

import org.eclipse.microprofile.graphql.Description;

@Description("Level of a region in the tree 区 → 街道/镇 → 社区/村 → 网格/小区.")
public enum RegionLevel {
    @Description("区: a district, e.g. 七里河区 (620103).") DISTRICT,
    @Description("街道 (or 镇): a street or town of a district, e.g. 西园街道 (620103001).") STREET,
    @Description("社区 (or 村): a community of a street; coverage, needs and community workers are about communities and "
            + "their grids.") COMMUNITY,
    @Description("网格 (or 小区): the smallest unit, a part of a community; its code extends the community's.") GRID
}
