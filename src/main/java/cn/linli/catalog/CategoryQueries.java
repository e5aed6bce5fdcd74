package cn.linli.catalog;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the category tree. The tree is small (tens of rows): batch loaders read it whole. */
@ApplicationScoped
public class CategoryQueries {
    static final String COLUMNS = "c.id AS c_id, c.parent_id AS c_parent_id, c.code AS c_code, c.path AS c_path, "
            + "c.name_zh AS c_name_zh, c.name_en AS c_name_en, c.sort_order AS c_sort_order";

    @Inject
    Sql sql;

    public List<Category> all() {
        return sql.rows("SELECT " + COLUMNS + " FROM category c ORDER BY c.sort_order, c.code").stream()
                .map(CategoryQueries::category).toList();
    }

    public Optional<Category> byCode(String code) {
        return sql.rows("SELECT " + COLUMNS + " FROM category c WHERE c.code = :code", Map.of("code", code)).stream()
                .map(CategoryQueries::category).findFirst();
    }

    public Category require(String code, String field) {
        if (code == null || code.length() > 64) {
            throw new ValidationException(field, "error.category.unknown", String.valueOf(code));
        }
        return byCode(code).orElseThrow(() -> new ValidationException(field, "error.category.unknown", code));
    }

    static Category category(Row row) {
        return new Category(row.longValue("c_id"), row.longValue("c_parent_id"), row.string("c_code"),
                row.string("c_path"), row.string("c_name_zh"), row.string("c_name_en"), row.intValue("c_sort_order"));
    }
}
