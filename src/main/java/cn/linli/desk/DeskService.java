package cn.linli.desk;

import cn.linli.booking.FeedbackService;
import cn.linli.catalog.ServiceQueries;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Sql;
import cn.linli.common.WorkQueue;
import cn.linli.evaluation.EvaluationQueues;
import cn.linli.identity.Access;
import cn.linli.organization.OrganizationQueries;
import cn.linli.procurement.ProcurementReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The official's desk (the console's home page): each queue is the owning context's own query, read-only,
 * within the jurisdiction; this class only decides who has a desk.
 */
@ApplicationScoped
public class DeskService {
    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    ServiceQueries services;
    @Inject
    FeedbackService feedback;
    @Inject
    EvaluationQueues evaluations;
    @Inject
    ProcurementReads procurements;

    /** The caller's desk: officials with an appointment only. */
    public Desk desk(Integer items) {
        caller.requireRole(Caller.OFFICIAL);
        String code = access.jurisdiction().orElseThrow(() -> new ForbiddenException("error.outsideJurisdiction")).regionCode();
        return new Desk(code, WorkQueue.items(items));
    }

    WorkQueue pendingOrganizations(Desk desk) {
        return OrganizationQueries.pendingQueue(sql, desk.regionCode(), desk.items());
    }

    WorkQueue staleListings(Desk desk) {
        return services.staleQueue(desk.regionCode(), desk.items());
    }

    WorkQueue overdueFeedback(Desk desk) {
        return feedback.overdueQueue(desk.regionCode(), desk.items());
    }

    WorkQueue openAppeals(Desk desk) {
        return evaluations.pendingAppeals(desk.regionCode(), desk.items());
    }

    WorkQueue tendersClosingSoon(Desk desk) {
        return procurements.tendersClosingQueue(desk.regionCode(), desk.items());
    }

    WorkQueue contractsEndingSoon(Desk desk) {
        return procurements.contractsEndingQueue(desk.regionCode(), desk.items());
    }

    WorkQueue unpaidMilestones(Desk desk) {
        return procurements.unpaidMilestonesQueue(desk.regionCode(), desk.items());
    }
}
