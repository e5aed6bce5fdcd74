package cn.linli.catalog;

import cn.linli.common.Language;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Ignore;

@Description("A service category (养老 › 助餐 …). A filter on a category also matches all its descendants.")
public record Category(
        @Ignore long id,
        @Ignore Long parentId,
        @Description("Stable code, e.g. `elderly.meal`.") @NonNull String code,
        @Ignore String path,
        @Description("Chinese label.") @NonNull String nameZh,
        @Description("English label.") @NonNull String nameEn,
        @Ignore int sortOrder) {

    @Description("Label in the request language (zh-CN unless Accept-Language asks for English).")
    @NonNull
    public String getName() {
        return Language.current() == Language.EN ? nameEn : nameZh;
    }
}
