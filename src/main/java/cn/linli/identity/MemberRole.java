package cn.linli.identity;

import org.eclipse.microprofile.graphql.Description;

@Description("A member's role in an organization: the OWNER manages members and the profile; STAFF manage services.")
public enum MemberRole {
    OWNER, STAFF
}
