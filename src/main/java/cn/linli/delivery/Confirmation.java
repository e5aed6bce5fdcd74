package cn.linli.delivery;

import org.eclipse.microprofile.graphql.Description;

@Description("What the resident served said about a service record.")
public enum Confirmation {
    @Description("Not (yet) confirmed; silence after 72 hours stays unconfirmed.") UNCONFIRMED,
    @Description("Confirmed by the resident served.") CONFIRMED,
    @Description("Disputed by the resident served, with a reason; a complaint was opened.") DISPUTED
}
