package cn.linli.booking;

import org.eclipse.microprofile.graphql.Description;

@Description("REQUESTED → CONFIRMED | REJECTED | CANCELLED; CONFIRMED → COMPLETED | NO_SHOW | CANCELLED.")
public enum BookingStatus {
    @Description("待确认: booked, waiting for the organization to confirm or reject it; the place is held.") REQUESTED,
    @Description("已确认: the organization accepted it; it now sees the contact phone in full.") CONFIRMED,
    @Description("已拒绝: the organization turned it down, with a reason; the place was freed.") REJECTED,
    @Description("已完成: the service was given (marked after the slot started, or by a service record); the resident may "
            + "review it.") COMPLETED,
    @Description("未到: the resident did not come (marked by the organization after the slot started).") NO_SHOW,
    @Description("已取消: cancelled by the resident before the slot started, or by the organization with a reason; the "
            + "place was freed.") CANCELLED
}
