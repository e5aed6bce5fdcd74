package cn.linli.catalog;

import org.eclipse.microprofile.graphql.Description;

@Description("Lifecycle of a service listing: DRAFT → PUBLISHED ⇄ PAUSED → WITHDRAWN. Only PUBLISHED ones are searchable.")
public enum ListingStatus {
    DRAFT, PUBLISHED, PAUSED, WITHDRAWN
}
