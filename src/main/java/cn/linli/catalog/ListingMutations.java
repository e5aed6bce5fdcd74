package cn.linli.catalog;

import cn.linli.common.ApiErrors;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * An organization's members manage its listings: DRAFT → PUBLISHED ⇄ PAUSED → WITHDRAWN. Only the GraphQL mapping
 * lives here; the rules, transactions and access checks are {@link ListingService}'s.
 */
@GraphQLApi
@ApiErrors
public class ListingMutations {
    @Inject
    ListingService listings;

    @Mutation("createServiceListing")
    @Description("Member of the organization: create a listing as a DRAFT (title and category needed).")
    public Service createServiceListing(@Name("input") @Description("The organization and what the listing says.") @NonNull ListingInputs.Create input) {
        return listings.create(input);
    }

    @Mutation("updateServiceListing")
    @Description("Member: change a listing at the version it is based on (stale → CONFLICT). Changing it also confirms it.")
    public Service updateServiceListing(@Name("input") @Description("The listing, the version you read and the changes.") @NonNull ListingInputs.Update input) {
        return listings.update(input);
    }

    @Mutation("publishServiceListing")
    @Description("Member: publish a DRAFT or PAUSED listing. Needs an ACTIVE (or BARRED) organization and a complete "
            + "listing (category, location or service area, weekly hours, pricing); what is missing is named. A listing "
            + "paused by a 不合格 evaluation is INVALID_STATE until an appeal decision or a later evaluation lifts it.")
    public Service publishServiceListing(@Name("input") @Description("The listing and the version you read.") @NonNull ListingInputs.Action input) {
        return listings.publish(input);
    }

    @Mutation("pauseServiceListing")
    @Description("Member: pause a PUBLISHED listing (it leaves search until published again).")
    public Service pauseServiceListing(@Name("input") @Description("The listing and the version you read.") @NonNull ListingInputs.Action input) {
        return listings.pause(input);
    }

    @Mutation("withdrawServiceListing")
    @Description("Member: withdraw a listing for good.")
    public Service withdrawServiceListing(@Name("input") @Description("The listing and the version you read.") @NonNull ListingInputs.Action input) {
        return listings.withdraw(input);
    }

    @Mutation("confirmServiceListing")
    @Description("Member: confirm that the listing's details are current (resets its freshness).")
    public Service confirmServiceListing(@Name("input") @Description("The listing and the version you read.") @NonNull ListingInputs.Action input) {
        return listings.confirm(input);
    }
}
