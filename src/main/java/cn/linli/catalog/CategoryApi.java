package cn.linli.catalog;

import cn.linli.common.ApiErrors;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@ApiErrors
public class CategoryApi {
    @Inject
    CategoryQueries categories;

    @Query("categories")
    @Description("The top-level service categories (养老, 托育/育幼, 物业 …); ask for `children` to walk the tree.")
    @NonNull
    public List<@NonNull Category> categories() {
        return categories.all().stream().filter(c -> c.parentId() == null).toList();
    }

    @Query("category")
    @Description("One category by its code; VALIDATION when the code is unknown.")
    @NonNull
    public Category category(@Name("code") @Description("The category's code, e.g. `elderly.meal`.") String code) {
        return categories.require(code, "code");
    }

    @Description("Sub-categories, in display order.")
    @NonNull
    public List<List<@NonNull Category>> children(@Source List<Category> parents) {
        Map<Long, List<Category>> byParent = categories.all().stream().filter(c -> c.parentId() != null)
                .collect(Collectors.groupingBy(Category::parentId));
        return parents.stream().map(p -> byParent.getOrDefault(p.id(), List.of())).toList();
    }

    @Description("The category this one belongs to (null for a top-level category).")
    public List<Category> parent(@Source List<Category> children) {
        Map<Long, Category> byId = categories.all().stream().collect(Collectors.toMap(Category::id, Function.identity()));
        return children.stream().map(c -> c.parentId() == null ? null : byId.get(c.parentId())).toList();
    }
}
