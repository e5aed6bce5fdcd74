package cn.linli.desk;

import cn.linli.common.ApiErrors;
import cn.linli.common.WorkQueue;
import cn.linli.identity.Me;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/** {@code me { desk { … } }}: the official console's home page in one request. */
@GraphQLApi
@ApiErrors
public class DeskApi {
    @Inject
    DeskService desks;

    @NonNull
    @Description("Official: what waits for you in your jurisdiction. FORBIDDEN for other roles.")
    public Desk desk(@Source Me me,
            @Name("items") @Description("How many first items each queue shows (0–20, default 5); counts are always whole.") Integer items) {
        return desks.desk(items);
    }

    @NonNull
    @Description("Registrations waiting for verification (PENDING organizations), the oldest first; ids are organization ids; "
            + "since = registered.")
    public WorkQueue pendingOrganizations(@Source Desk desk) {
        return desks.pendingOrganizations(desk);
    }

    @NonNull
    @Description("Published services not confirmed for 180 days (residents see them marked stale), the longest unconfirmed first; "
            + "ids are service ids; since = when they became stale.")
    public WorkQueue staleListings(@Source Desk desk) {
        return desks.staleListings(desk);
    }

    @NonNull
    @Description("Complaints, suggestions and praise handled in your jurisdiction that wait too long for a response or a "
            + "resolution (linli.feedback.overdue-days), the oldest first; ids are feedback ids; dueAt = when they fell overdue.")
    public WorkQueue overdueFeedback(@Source Desk desk) {
        return desks.overdueFeedback(desk);
    }

    @NonNull
    @Description("Appeals (复核) waiting for a decision, the longest waiting first; ids are appeal ids; title = the organization.")
    public WorkQueue openAppeals(@Source Desk desk) {
        return desks.openAppeals(desk);
    }

    @NonNull
    @Description("Tenders bought in your jurisdiction whose period closes within 7 days, the soonest first; ids are "
            + "procurement ids; dueAt = the tender's end.")
    public WorkQueue tendersClosingSoon(@Source Desk desk) {
        return desks.tendersClosingSoon(desk);
    }

    @NonNull
    @Description("Active contracts bought in your jurisdiction ending within 60 days (renew, re-tender or let end), the soonest "
            + "first; ids are contract ids; dueAt = the start of the last day.")
    public WorkQueue contractsEndingSoon(@Source Desk desk) {
        return desks.contractsEndingSoon(desk);
    }

    @NonNull
    @Description("Milestones of active contracts that are due and neither paid nor withheld by an evaluation outcome, the "
            + "longest overdue first; ids are milestone ids; dueAt = the due date.")
    public WorkQueue unpaidMilestones(@Source Desk desk) {
        return desks.unpaidMilestones(desk);
    }
}
