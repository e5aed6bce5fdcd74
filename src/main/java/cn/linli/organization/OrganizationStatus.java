package cn.linli.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an organization stands on the platform. Only ACTIVE organizations' services are shown.")
public enum OrganizationStatus {
    PENDING, ACTIVE, SUSPENDED, BARRED, DEREGISTERED
}
