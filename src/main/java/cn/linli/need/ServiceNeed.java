package cn.linli.need;

import cn.linli.common.Messages;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What residents of a community say they need (群众事、群众议): public counts and answers; who submitted or "
        + "supported it is never shown.")
public record ServiceNeed(
        @Id @Description("The need's id.") @NonNull String id,
        @Description("The category needed, e.g. `elderly.meal`.") @NonNull String categoryCode,
        @Description("The community or grid it is about.") @NonNull String regionCode,
        @Description("The community it is about (the region itself, or a grid's community).") @NonNull String communityCode,
        @Description("Where it stands.") @NonNull ServiceNeedStatus status,
        @Description("How many residents support it, the submitter included (each once).") int supporters,
        @Description("What the need says (at most 500 characters): for the officials over its region and the community "
                + "workers of its community; null for everyone else.") String text,
        @Description("The official's answer (a DECLINED need's reason), public.") String response,
        @Description("When an official answered it (or linked it to a procurement).") OffsetDateTime respondedAt,
        @Description("When it was submitted.") @NonNull OffsetDateTime createdAt,
        @Ignore Long procurementId,
        @Ignore long regionId) {

    @Description("The status's label in the request language (e.g. 待回应).")
    @NonNull
    public String getStatusLabel() {
        return Messages.label(status);
    }
}
