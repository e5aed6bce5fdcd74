package cn.linli.procurement;

import cn.linli.common.ApiErrors;
import cn.linli.procurement.ProcurementViews.Bid;
import cn.linli.procurement.ProcurementViews.Procurement;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The tender side in GraphQL: create, publish, bid, close, award (which makes contracts), cancel. Only maps each
 * mutation onto {@link ProcurementService}, which holds the rules, the transaction and the access checks.
 */
@GraphQLApi
@ApiErrors
public class ProcurementMutations {
    @Inject
    ProcurementService service;

    @Mutation("createProcurement")
    @Description("Official: a new procurement in PLANNING, bought by your government unit for regions in your jurisdiction.")
    public Procurement createProcurement(
            @Name("input") @Description("The procurement to create.") @NonNull ProcurementInputs.Create input) {
        return service.createProcurement(input);
    }

    @Mutation("publishTender")
    @Description("Official of the buyer: PLANNING → TENDERING (not for 单一来源, which is awarded directly).")
    public Procurement publishTender(
            @Name("input") @Description("The procurement (PLANNING) whose tender to publish.") @NonNull ProcurementInputs.Action input) {
        return service.publishTender(input);
    }

    @Mutation("closeTender")
    @Description("Official of the buyer: TENDERING → EVALUATING; no more bids (this also happens by itself when the tender period ends).")
    public Procurement closeTender(
            @Name("input") @Description("The procurement (TENDERING) whose tender to close.") @NonNull ProcurementInputs.Action input) {
        return service.closeTender(input);
    }

    @Mutation("cancelProcurement")
    @Description("Official of the buyer: cancel (or declare unsuccessful, 流标) a procurement not yet awarded, with a reason.")
    public Procurement cancelProcurement(
            @Name("input") @Description("The procurement, the reason, and whether it is unsuccessful (流标).") @NonNull ProcurementInputs.Action input) {
        return service.cancelProcurement(input);
    }

    @Mutation("submitBid")
    @Description("OWNER: bid while TENDERING, for an eligible organization (ACTIVE, not barred, rating level at least "
            + "the minimum, serving the category), at most the budget, one live bid per organization.")
    public Bid submitBid(
            @Name("input") @Description("The procurement, your organization, the price and the proposal.") @NonNull ProcurementInputs.SubmitBid input) {
        return service.submitBid(input);
    }

    @Mutation("withdrawBid")
    @Description("OWNER: withdraw your live bid while the tender is open.")
    public Bid withdrawBid(@Name("input") @Description("Your live bid.") @NonNull ProcurementInputs.WithdrawBid input) {
        return service.withdrawBid(input);
    }

    @Mutation("awardProcurement")
    @Description("Official of the buyer: award one or more bids (EVALUATING), or an organization directly for 单一来源 "
            + "(PLANNING), with the justification. Each award creates a PENDING contract.")
    public Procurement awardProcurement(
            @Name("input") @Description("The procurement, the justification and the awards with their contract terms.") @NonNull ProcurementInputs.AwardProcurement input) {
        return service.awardProcurement(input);
    }
}
