package cn.linli.procurement;

import cn.linli.catalog.Service;
import cn.linli.common.ApiErrors;
import cn.linli.procurement.ProcurementViews.Contract;
import cn.linli.procurement.ProcurementViews.Payment;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The contract side in GraphQL: activate, terminate, complete, renew, pay, and link funded listings. Only maps
 * each mutation onto {@link ContractService}, which holds the rules, the transaction and the access checks.
 */
@GraphQLApi
@ApiErrors
public class ContractMutations {
    @Inject
    ContractService service;

    @Mutation("activateContract")
    @Description("Official of the buyer: a PENDING contract starts (ACTIVE), announcing its signed contract document "
            + "(https address and SHA-256), which the OCDS publication carries (102号令 art. 23).")
    public Contract activateContract(
            @Name("input") @Description("The PENDING contract and its signed document.") @NonNull ProcurementInputs.ActivateContract input) {
        return service.activateContract(input);
    }

    @Mutation("terminateContract")
    @Description("Official of the buyer: end an ACTIVE contract early, with the reason.")
    public Contract terminateContract(
            @Name("input") @Description("The ACTIVE contract and the reason.") @NonNull ProcurementInputs.ContractAction input) {
        return service.terminateContract(input);
    }

    @Mutation("completeContract")
    @Description("Official of the buyer: an ACTIVE contract has been delivered (COMPLETED); no more payments. A contract "
            + "also completes by itself 90 days after it ends.")
    public Contract completeContract(
            @Name("input") @Description("The ACTIVE contract (a reason is optional).") @NonNull ProcurementInputs.ContractAction input) {
        return service.completeContract(input);
    }

    @Mutation("renewContract")
    @Description("Official of the buyer: renew a contract that an 优秀 evaluation made eligible, without a new tender; "
            + "together with the procurement's other contracts running at the same time, within its budget.")
    public Contract renewContract(
            @Name("input") @Description("The contract to renew, the new amount and the new terms.") @NonNull ProcurementInputs.Renew input) {
        return service.renewContract(input);
    }

    @Mutation("recordPayment")
    @Description("Official of the buyer: record a payment against a milestone of an ACTIVE contract; never beyond the "
            + "contract amount, refused while payments are withheld or the milestone needs a passing grade it lacks.")
    public Payment recordPayment(
            @Name("input") @Description("The milestone, the amount and the day paid.") @NonNull ProcurementInputs.RecordPayment input) {
        return service.recordPayment(input);
    }

    @Mutation("linkListingToContract")
    @Description("Organization member: mark your listing as funded by your organization's contract (政府购买服务).")
    public Service linkListingToContract(
            @Name("input") @Description("Your listing and your organization's contract.") @NonNull ProcurementInputs.LinkListing input) {
        return service.linkListingToContract(input);
    }
}
