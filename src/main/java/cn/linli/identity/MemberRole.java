package cn.linli.identity;

import org.eclipse.microprofile.graphql.Description;

@Description("A member's role in an organization: the OWNER manages members and the profile; STAFF manage services.")
public enum MemberRole {
    @Description("负责人: manages the profile and the members, bids and appeals for the organization and reads its audit "
            + "trail; may also do all that STAFF do.") OWNER,
    @Description("工作人员: manages the organization's listings and bookings, records services and answers reviews and "
            + "feedback.") STAFF
}
