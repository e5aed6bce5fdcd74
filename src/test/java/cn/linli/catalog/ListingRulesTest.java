package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing rules that need no database: what publishing needs, and which amounts fit which pricing. */
class ListingRulesTest {
    @Test
    void publishingNamesEverythingMissingInOrder() {
        assertEquals(List.of(), ListingService.missingForPublishing(true, true, true));
        assertEquals(List.of("location", "weeklyHours", "price"), ListingService.missingForPublishing(false, false, false));
        assertEquals(List.of("weeklyHours"), ListingService.missingForPublishing(true, false, true));
        assertEquals(List.of("location", "price"), ListingService.missingForPublishing(false, true, false));
    }

    @Test
    void freeHasNoAmounts() {
        assertNull(ListingService.priceProblem(Pricing.FREE, 0, 0));
        assertEquals(new ListingService.PriceProblem("priceFen", "error.listing.freeHasPrice"),
                ListingService.priceProblem(Pricing.FREE, 100, 0));
        assertEquals(new ListingService.PriceProblem("priceFen", "error.listing.freeHasPrice"),
                ListingService.priceProblem(Pricing.FREE, 0, 100));
    }

    @Test
    void subsidizedHasAPriceAndASubsidyOfAtMostThePrice() {
        assertNull(ListingService.priceProblem(Pricing.SUBSIDIZED, 1500, 1000));
        assertNull(ListingService.priceProblem(Pricing.SUBSIDIZED, 1500, 1500), "fully subsidized");
        ListingService.PriceProblem subsidy = new ListingService.PriceProblem("subsidyFen", "error.listing.subsidy");
        assertEquals(subsidy, ListingService.priceProblem(Pricing.SUBSIDIZED, 1000, 1500));
        assertEquals(subsidy, ListingService.priceProblem(Pricing.SUBSIDIZED, 1000, 0));
        assertEquals(subsidy, ListingService.priceProblem(Pricing.SUBSIDIZED, 0, 0));
    }

    @Test
    void paidHasAPriceAndNoSubsidy() {
        assertNull(ListingService.priceProblem(Pricing.PAID, 2000, 0));
        ListingService.PriceProblem paid = new ListingService.PriceProblem("priceFen", "error.listing.paid");
        assertEquals(paid, ListingService.priceProblem(Pricing.PAID, 0, 0));
        assertEquals(paid, ListingService.priceProblem(Pricing.PAID, 2000, 500));
    }
}
