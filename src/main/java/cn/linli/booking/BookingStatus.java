package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("REQUESTED → CONFIRMED | REJECTED | CANCELLED; CONFIRMED → COMPLETED | NO_SHOW | CANCELLED.")
public enum BookingStatus {
    REQUESTED, CONFIRMED, REJECTED, COMPLETED, NO_SHOW, CANCELLED
}
