package cn.linli.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an organization stands on the platform: PENDING (waiting for verification), ACTIVE, BARRED (active, "
        + "but barred from bids and awards while a 不合格 sanction runs; it returns to ACTIVE by itself when the bar ends), "
        + "SUSPENDED, DEREGISTERED, REJECTED (a registration an official turned down, with the reason). Services of ACTIVE "
        + "and BARRED organizations are shown; organizations in other states are listed to officials over their region only.")
public enum OrganizationStatus {
    @Description("待审核: registered, or its name, credit code or region changed; waiting for an official of its region to "
            + "verify it. Its services are not shown.") PENDING,
    @Description("正常: verified; its published services are shown and it may bid.") ACTIVE,
    @Description("暂停: suspended by an official, with the reason; its services are not shown until it is reinstated.") SUSPENDED,
    @Description("禁入: its services are shown, but it is barred from bids and awards while a 不合格 sanction runs; ACTIVE "
            + "again by itself when the bar ends.") BARRED,
    @Description("已清退: deregistered after consecutive 不合格 evaluations (优胜劣汰): its listings and bids were withdrawn.") DEREGISTERED,
    @Description("未通过审核: a registration an official turned down, with the reason (statusReason).") REJECTED;

    /** The SQL condition on an organization aliased {@code o} whose services residents see. */
    public static final String SHOWS_SERVICES_SQL = "o.status IN ('ACTIVE', 'BARRED')";

    /** Its published services are shown to residents (a bar concerns procurement, not residents). */
    public boolean showsServices() {
        return this == ACTIVE || this == BARRED;
    }
}
