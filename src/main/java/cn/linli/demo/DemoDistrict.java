package cn.linli.demo;

/**
 * 七里河区, 兰州: the demo district (seed 000: 9 街道, 65 社区). Its region tree is {@code demo/regions.csv}, loaded
 * through the region import like any district's: the street names are the district's real 街道; community names,
 * centroids and figures are illustrative, and codes follow the 统计用区划代码 scheme.
 */
final class DemoDistrict {
    static final String CODE = "620103";
    static final String NAME = "七里河区";

    private DemoDistrict() {
    }
}
