package cn.linli.region;

import org.eclipse.microprofile.graphql.Description;

@Description("Level of a region in the tree 区 → 街道/镇 → 社区/村 → 网格/小区.")
public enum RegionLevel {
    DISTRICT, STREET, COMMUNITY, GRID
}
