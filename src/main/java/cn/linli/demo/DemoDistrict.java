package cn.linli.demo;

import java.util.List;

/**
 * 七里河区, 兰州: the demo district (seed 000: 9 街道, 65 社区). The street names are the district's real
 * 街道; community names and all figures are illustrative, and codes follow the 统计用区划代码 scheme.
 */
final class DemoDistrict {
    record Street(String code, String name, double lat, double lng, List<String> communities) {
    }

    static final String CODE = "620103";
    static final String NAME = "七里河区";
    static final double LAT = 36.0630;
    static final double LNG = 103.7860;

    static final List<Street> STREETS = List.of(
            new Street("620103001", "西园街道", 36.0640, 103.8010,
                    List.of("培黎", "西园", "吴家园", "七里河", "西津东路", "兰工坪", "硷沟沿", "西园南")),
            new Street("620103002", "西湖街道", 36.0660, 103.7890,
                    List.of("西湖", "吴家园西", "五里铺", "郑家台", "西湖南", "民乐", "马滩东", "小西湖")),
            new Street("620103003", "建兰路街道", 36.0560, 103.7930,
                    List.of("建兰路", "工林路", "建西东路", "七里河南", "建兰东", "西津西路", "南滨河", "建兰西")),
            new Street("620103004", "敦煌路街道", 36.0700, 103.7790,
                    List.of("敦煌路", "西站东", "马滩", "华林坪", "敦煌西", "兰工", "林家庄", "敦煌北")),
            new Street("620103005", "西站街道", 36.0720, 103.7690,
                    List.of("西站", "西站西路", "兰棉", "兰新", "火车站西", "西津路", "银滩", "西站南")),
            new Street("620103006", "晏家坪街道", 36.0470, 103.7800,
                    List.of("晏家坪", "上西园", "下西园", "彭家坪路", "大滩", "晏西")),
            new Street("620103007", "龚家湾街道", 36.0520, 103.7700,
                    List.of("龚家湾", "南山路", "坪路", "水磨沟", "双城门", "吴家园南", "西果园路")),
            new Street("620103008", "土门墩街道", 36.0790, 103.7450,
                    List.of("土门墩", "崔家大滩", "秀川路", "石岗", "八里窑", "土门墩西", "崔家台")),
            new Street("620103009", "秀川街道", 36.0870, 103.7320,
                    List.of("秀川", "华坪", "小坪子", "西沙", "银滩东")));

    private DemoDistrict() {
    }
}
