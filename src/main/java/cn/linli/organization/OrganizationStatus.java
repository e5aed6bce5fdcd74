package cn.linli.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an organization stands on the platform: PENDING (waiting for verification), ACTIVE, BARRED (active, "
        + "but barred from bids and awards while a 不合格 sanction runs; it returns to ACTIVE by itself when the bar ends), "
        + "SUSPENDED, DEREGISTERED, REJECTED (a registration an official turned down, with the reason). Services of ACTIVE "
        + "and BARRED organizations are shown; organizations in other states are listed to officials over their region only.")
public enum OrganizationStatus {
    PENDING, ACTIVE, SUSPENDED, BARRED, DEREGISTERED, REJECTED;

    /** The SQL condition on an organization aliased {@code o} whose services residents see. */
    public static final String SHOWS_SERVICES_SQL = "o.status IN ('ACTIVE', 'BARRED')";

    /** Its published services are shown to residents (a bar concerns procurement, not residents). */
    public boolean showsServices() {
        return this == ACTIVE || this == BARRED;
    }
}
