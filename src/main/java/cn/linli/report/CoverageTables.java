package cn.linli.report;

import cn.linli.evaluation.EvaluationViews.CommunityCoverage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage as a table and as GeoJSON. The columns are the fields of {@link CommunityCoverage}, in their order, so
 * the sheets show what the GraphQL {@code coverage} query shows (a field added there appears here, headed by a
 * Chinese label when one is known below, else by its name).
 */
final class CoverageTables {
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("regionCode", "社区代码"),
            Map.entry("name", "社区名称"),
            Map.entry("services", "覆盖服务数"),
            Map.entry("capacity", "每时段服务容量"),
            Map.entry("population", "常住人口"),
            Map.entry("aged60Plus", "60岁及以上人口"),
            Map.entry("children0To3", "0–3岁儿童"),
            Map.entry("children3To12", "3–12岁儿童"),
            Map.entry("nearestServiceMeters", "最近服务距离（米）"),
            Map.entry("gap", "服务缺口"),
            Map.entry("openNeeds", "未回应的居民需求"),
            Map.entry("capacityPer1000", "每千名服务对象容量"),
            Map.entry("servedGroup", "服务对象"),
            Map.entry("servedPeople", "服务对象人数"),
            Map.entry("areaServices", "服务区覆盖的上门/线上服务数"),
            Map.entry("weeklyCapacity", "每周服务容量"),
            Map.entry("noService", "无任何服务"),
            Map.entry("belowCapacityThreshold", "低于容量阈值"));

    private CoverageTables() {
    }

    static final RecordComponent[] FIELDS = CommunityCoverage.class.getRecordComponents();

    static Table table(List<Reports.CoveragePoint> points) {
        List<Table.Column> columns = new ArrayList<>();
        for (RecordComponent field : FIELDS) {
            String header = LABELS.getOrDefault(field.getName(), field.getName());
            Class<?> type = field.getType();
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                columns.add(Table.Column.decimal(header, 1));
            } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                columns.add(Table.Column.integer(header));
            } else {
                columns.add(Table.Column.text(header));
            }
        }
        columns.add(Table.Column.decimal("纬度", 6));
        columns.add(Table.Column.decimal("经度", 6));
        List<List<Object>> rows = new ArrayList<>();
        for (Reports.CoveragePoint point : points) {
            List<Object> row = new ArrayList<>();
            for (RecordComponent field : FIELDS) {
                Object value = value(field, point.coverage());
                if (value instanceof Boolean yes) {
                    value = yes ? "是" : "否";
                } else if (value instanceof Collection<?> list) {
                    value = String.join("、", list.stream().map(String::valueOf).toList());
                } else if (value != null && !(value instanceof Number)) {
                    value = value.toString();
                }
                row.add(value);
            }
            row.add(point.lat());
            row.add(point.lng());
            rows.add(row);
        }
        return new Table("服务覆盖", columns, rows);
    }

    static Table.Book book(List<Reports.CoveragePoint> points, String regionCode, String categoryCode) {
        List<List<String>> notes = List.of(List.of("地区", regionCode), List.of("服务类别", categoryCode == null ? "全部类别" : categoryCode),
                List.of("社区数", String.valueOf(points.size())),
                List.of("缺口社区数", String.valueOf(points.stream().filter(p -> p.coverage().gap()).count())),
                List.of("说明", "每行一个社区；服务缺口：1500 米（15 分钟步行）内没有已发布的该类服务。坐标为社区中心点（WGS 84）。"));
        return new Table.Book(table(points), List.of(new Table.Notes("说明", notes)));
    }

    /** A GeoJSON FeatureCollection (RFC 7946): each community a Point at its centre with its figures as properties. */
    static Map<String, Object> geoJson(List<Reports.CoveragePoint> points) {
        List<Object> features = new ArrayList<>();
        for (Reports.CoveragePoint point : points) {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (RecordComponent field : FIELDS) {
                properties.put(field.getName(), value(field, point.coverage()));
            }
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", point.coverage().regionCode());
            feature.put("geometry", point.lat() == null ? null
                    : Map.of("type", "Point", "coordinates", List.of(point.lng(), point.lat())));
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private static Object value(RecordComponent field, CommunityCoverage coverage) {
        try {
            return field.getAccessor().invoke(coverage);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
