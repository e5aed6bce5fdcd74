package cn.linli.region;

import cn.linli.common.Location;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads of the region tree. */
@ApplicationScoped
public class RegionQueries {
    private static final String COLUMNS =
            "id, parent_id, code, name, level, lat, lng, population, aged_60_plus, children_0_3, children_3_12";

    @Inject
    Sql sql;

    public Optional<Region> byCode(String code) {
        return sql.rows("SELECT " + COLUMNS + " FROM region WHERE code = :code", Map.of("code", code))
                .stream().map(RegionQueries::region).findFirst();
    }

    /** The region of a code given by a client; VALIDATION naming {@code field} when there is none. */
    public Region require(String code, String field) {
        if (code == null || code.length() > 20) {
            throw new ValidationException(field, "error.region.unknown", String.valueOf(code));
        }
        return byCode(code).orElseThrow(() -> new ValidationException(field, "error.region.unknown", code));
    }

    public List<Region> roots() {
        return sql.rows("SELECT " + COLUMNS + " FROM region WHERE parent_id IS NULL ORDER BY code").stream()
                .map(RegionQueries::region).toList();
    }

    public List<Region> childrenOf(Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return sql.rows("SELECT " + COLUMNS + " FROM region WHERE parent_id IN (:ids) ORDER BY code",
                Map.of("ids", parentIds)).stream().map(RegionQueries::region).toList();
    }

    public List<Region> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.rows("SELECT " + COLUMNS + " FROM region WHERE id IN (:ids)", Map.of("ids", ids)).stream()
                .map(RegionQueries::region).toList();
    }

    public List<Region> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return sql.rows("SELECT " + COLUMNS + " FROM region WHERE code IN (:codes) ORDER BY code",
                Map.of("codes", codes)).stream().map(RegionQueries::region).toList();
    }

    /**
     * A region of alias {@code a} as one JSON array, for a statement that reads regions together with what refers to
     * them (a service page: its region and service area in the listing's own statement). Read with {@link #region(JsonNode)}.
     */
    public static String json(String a) {
        return Arrays.stream(COLUMNS.split(", ")).map(column -> a + "." + column)
                .collect(Collectors.joining(", ", "json_build_array(", ")"));
    }

    /** A region from {@link #json} (the values in the order of {@link #COLUMNS}): doubles as PostgreSQL writes them (shortest exact), so they read back the same. */
    public static Region region(JsonNode array) {
        JsonNode lat = array.get(5);
        JsonNode lng = array.get(6);
        return new Region(array.get(0).longValue(), array.get(1).isNull() ? null : array.get(1).longValue(),
                array.get(2).textValue(), array.get(3).textValue(), RegionLevel.valueOf(array.get(4).textValue()),
                lat.isNull() || lng.isNull() ? null : new Location(lat.doubleValue(), lng.doubleValue()),
                integer(array.get(7)), integer(array.get(8)), integer(array.get(9)), integer(array.get(10)));
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.intValue();
    }

    static Region region(Row row) {
        Double lat = row.doubleValue("lat");
        Double lng = row.doubleValue("lng");
        return new Region(row.longValue("id"), row.longValue("parent_id"), row.string("code"), row.string("name"),
                RegionLevel.valueOf(row.string("level")), lat == null || lng == null ? null : new Location(lat, lng),
                row.intValue("population"), row.intValue("aged_60_plus"), row.intValue("children_0_3"),
                row.intValue("children_3_12"));
    }
}
