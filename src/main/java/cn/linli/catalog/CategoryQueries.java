package cn.linli.catalog;

import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the category tree. The tree is small (tens of rows) and only the migrations write it (no operation
 * changes the vocabulary), so it is read once and kept, and read again after {@link #KEPT_FOR} in case a newer
 * release's migration ran meanwhile: a service page asking for its category's parent costs no statement.
 */
@ApplicationScoped
public class CategoryQueries {
    static final java.time.Duration KEPT_FOR = java.time.Duration.ofMinutes(1);

    private record Tree(List<Category> categories, long readAtNanos) {
    }

    private volatile Tree tree;
    static final String COLUMNS = "c.id AS c_id, c.parent_id AS c_parent_id, c.code AS c_code, c.path AS c_path, "
            + "c.name_zh AS c_name_zh, c.name_en AS c_name_en, c.sort_order AS c_sort_order";

    @Inject
    Sql sql;

    /** Every category, in display order. */
    public List<Category> all() {
        Tree kept = tree;
        if (kept == null || System.nanoTime() - kept.readAtNanos() > KEPT_FOR.toNanos()) {
            kept = new Tree(sql.rows("SELECT " + COLUMNS + " FROM category c ORDER BY c.sort_order, c.code").stream()
                    .map(CategoryQueries::category).toList(), System.nanoTime());
            tree = kept;
        }
        return kept.categories();
    }

    public Optional<Category> byCode(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
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
