package cn.linli.catalog;

import cn.linli.audit.AuditLog;
import cn.linli.common.ConflictException;
import cn.linli.common.Ids;
import cn.linli.common.Inputs;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.identity.Access;
import cn.linli.organization.OrganizationRecord;
import cn.linli.organization.OrganizationStatus;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organization's members manage its listings: DRAFT → PUBLISHED ⇄ PAUSED → WITHDRAWN. Each change is one
 * transaction, made at the version the member read (stale → CONFLICT), by a member of the listing's organization
 * (checked before anything about the listing is revealed), and audited. A listing paused by a 不合格 evaluation
 * stays paused until its outcome is lifted ({@link ListingChanges}).
 */
@ApplicationScoped
public class ListingService {
    private static final int MAX_FEN = 100_000_000;

    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    CategoryQueries categories;
    @Inject
    RegionQueries regions;
    @Inject
    ServiceQueries services;
    @Inject
    AuditLog audit;

    /** Member of the organization: a new DRAFT (title and category needed). */
    @Transactional
    public Service create(ListingInputs.Create input) {
        OrganizationRecord organization = OrganizationRecord.findById(Ids.parse(input.organizationId(), "input.organizationId"));
        if (organization == null) {
            throw new NotFoundException("error.organization.notFound", input.organizationId());
        }
        String role = access.requireMember(organization.id);
        if (organization.status == OrganizationStatus.DEREGISTERED) {
            throw new InvalidStateException("error.listing.organizationGone");
        }
        if (input.content().title() == null) {
            throw new ValidationException("input.content.title", "error.input.required");
        }
        if (input.content().categoryCode() == null) {
            throw new ValidationException("input.content.categoryCode", "error.input.required");
        }
        ServiceListingRecord listing = new ServiceListingRecord();
        listing.organizationId = organization.id;
        listing.mode = ServiceMode.IN_STORE;
        listing.contactPhone = organization.contactPhone;
        apply(input.content(), listing);
        listing.persistAndFlush();
        updateReach(listing);
        audit.record(role, change("createServiceListing", listing, organization.regionId, null, listing.snapshot()));
        return view(listing.id);
    }

    /** Member: changes the listing at the version read; changing it also confirms it. */
    @Transactional
    public Service update(ListingInputs.Update input) {
        ServiceListingRecord listing = find(input.id());
        String role = access.requireMember(listing.organizationId);
        checkVersion(listing, input.version());
        if (listing.status == ListingStatus.WITHDRAWN) {
            throw new InvalidStateException("error.listing.withdrawn");
        }
        Map<String, Object> before = listing.snapshot();
        apply(input.content(), listing);
        if (listing.status == ListingStatus.PUBLISHED) {
            requireComplete(listing);
        }
        listing.confirmedAt = OffsetDateTime.now();
        listing.updatedAt = OffsetDateTime.now();
        listing.flush();
        updateReach(listing);
        audit.record(role, change("updateServiceListing", listing, regionOf(listing), before, listing.snapshot()));
        return view(listing.id);
    }

    /** Member: a DRAFT or PAUSED listing, complete, of an organization that shows services, unless 不合格 paused it. */
    @Transactional
    public Service publish(ListingInputs.Action input) {
        ServiceListingRecord listing = find(input.id());
        String role = access.requireMember(listing.organizationId);
        checkVersion(listing, input.version());
        if (listing.pausedByOutcomeId != null) {
            // 不合格 paused it: only an appeal decision or a later evaluation lifts that (ListingChanges.liftOutcome)
            throw new InvalidStateException("error.listing.pausedByEvaluation");
        }
        OrganizationRecord organization = OrganizationRecord.findById(listing.organizationId);
        if (!organization.status.showsServices()) {
            throw new InvalidStateException("error.listing.organizationNotActive", Messages.label(organization.status));
        }
        requireComplete(listing);
        return transition(listing, role, "publishServiceListing", EnumSet.of(ListingStatus.DRAFT, ListingStatus.PAUSED),
                ListingStatus.PUBLISHED);
    }

    /** Member: a PUBLISHED listing leaves search until published again. */
    @Transactional
    public Service pause(ListingInputs.Action input) {
        ServiceListingRecord listing = find(input.id());
        String role = access.requireMember(listing.organizationId);
        checkVersion(listing, input.version());
        return transition(listing, role, "pauseServiceListing", EnumSet.of(ListingStatus.PUBLISHED), ListingStatus.PAUSED);
    }

    /** Member: withdrawn for good. */
    @Transactional
    public Service withdraw(ListingInputs.Action input) {
        ServiceListingRecord listing = find(input.id());
        String role = access.requireMember(listing.organizationId);
        checkVersion(listing, input.version());
        return transition(listing, role, "withdrawServiceListing",
                EnumSet.of(ListingStatus.DRAFT, ListingStatus.PUBLISHED, ListingStatus.PAUSED), ListingStatus.WITHDRAWN);
    }

    /** Member: the details are current (resets the freshness). */
    @Transactional
    public Service confirm(ListingInputs.Action input) {
        ServiceListingRecord listing = find(input.id());
        String role = access.requireMember(listing.organizationId);
        checkVersion(listing, input.version());
        if (listing.status == ListingStatus.WITHDRAWN) {
            throw new InvalidStateException("error.listing.withdrawn");
        }
        Map<String, Object> before = listing.snapshot();
        listing.confirmedAt = OffsetDateTime.now();
        listing.updatedAt = OffsetDateTime.now();
        listing.flush();
        audit.record(role, change("confirmServiceListing", listing, regionOf(listing), before, listing.snapshot()));
        return view(listing.id);
    }

    private Service transition(ServiceListingRecord listing, String role, String action, Set<ListingStatus> from,
            ListingStatus to) {
        if (!from.contains(listing.status)) {
            throw new InvalidStateException("error.listing.state", Messages.label(listing.status), action);
        }
        Map<String, Object> before = listing.snapshot();
        listing.status = to;
        if (to == ListingStatus.PUBLISHED && listing.publishedAt == null) {
            listing.publishedAt = OffsetDateTime.now();
        }
        listing.updatedAt = OffsetDateTime.now();
        listing.flush();
        audit.record(role, change(action, listing, regionOf(listing), before, listing.snapshot()));
        return view(listing.id);
    }

    /** Publishing needs these; the error names every one that is missing. */
    private static void requireComplete(ServiceListingRecord listing) {
        List<String> missing = missingForPublishing(listing.lat != null || listing.areaCodes.length > 0,
                !listing.weeklyHours.isEmpty(), listing.pricing != null);
        if (!missing.isEmpty()) {
            throw new ValidationException("input.content." + missing.get(0), "error.listing.incomplete",
                    String.join(", ", missing));
        }
    }

    /** What publishing needs and a listing lacks: a location or service area, weekly hours, a price. */
    static List<String> missingForPublishing(boolean located, boolean hasWeeklyHours, boolean priced) {
        List<String> missing = new ArrayList<>();
        if (!located) {
            missing.add("location");
        }
        if (!hasWeeklyHours) {
            missing.add("weeklyHours");
        }
        if (!priced) {
            missing.add("price");
        }
        return missing;
    }

    private void apply(ListingInputs.Content content, ServiceListingRecord listing) {
        String field = "input.content.";
        if (content.categoryCode() != null) {
            listing.categoryId = categories.require(content.categoryCode(), field + "categoryCode").id();
        }
        if (content.title() != null) {
            listing.title = Inputs.required(content.title(), field + "title", 100);
        }
        if (content.description() != null) {
            listing.description = Inputs.optional(content.description(), field + "description", 2000);
        }
        if (content.mode() != null) {
            listing.mode = content.mode();
        }
        if (content.address() != null) {
            listing.address = Inputs.optional(content.address(), field + "address", 200);
        }
        if (content.location() != null) {
            Inputs.location(content.location(), field + "location");
            listing.lat = content.location().lat();
            listing.lng = content.location().lng();
        }
        if (content.regionCode() != null) {
            listing.regionId = regions.require(content.regionCode(), field + "regionCode").id();
        }
        if (content.serviceAreaCodes() != null) {
            Set<String> codes = new LinkedHashSet<>(content.serviceAreaCodes());
            if (codes.size() > 50) {
                throw new ValidationException(field + "serviceAreaCodes", "error.input.range", 0, 50);
            }
            List<Region> known = regions.byCodes(codes);
            if (known.size() != codes.size()) {
                Set<String> unknown = new LinkedHashSet<>(codes);
                known.forEach(region -> unknown.remove(region.code()));
                throw new ValidationException(field + "serviceAreaCodes", "error.region.unknown", unknown.iterator().next());
            }
            listing.areaCodes = codes.toArray(String[]::new);
        }
        if (content.price() != null) {
            applyPrice(content.price(), listing, field + "price.");
        }
        if (content.eligibility() != null) {
            ListingInputs.Eligibility eligibility = content.eligibility();
            Integer min = eligibility.minAge() == null ? null
                    : Inputs.range(eligibility.minAge(), field + "eligibility.minAge", 0, 150, 0);
            Integer max = eligibility.maxAge() == null ? null
                    : Inputs.range(eligibility.maxAge(), field + "eligibility.maxAge", 0, 150, 0);
            if (min != null && max != null && min > max) {
                throw new ValidationException(field + "eligibility.maxAge", "error.listing.ageRange");
            }
            listing.minAge = min == null ? null : min.shortValue();
            listing.maxAge = max == null ? null : max.shortValue();
            listing.targetGroups = eligibility.targetGroups() == null ? new String[0]
                    : eligibility.targetGroups().stream().distinct().map(Enum::name).toArray(String[]::new);
        }
        if (content.capacityPerSlot() != null) {
            listing.capacityPerSlot = Inputs.range(content.capacityPerSlot(), field + "capacityPerSlot", 1, 1000, 1);
        }
        if (content.slotMinutes() != null) {
            listing.slotMinutes = Inputs.range(content.slotMinutes(), field + "slotMinutes", 5, 1440, 60);
        }
        if (content.contactPhone() != null) {
            listing.contactPhone = Inputs.phone(content.contactPhone(), field + "contactPhone");
        }
        if (content.weeklyHours() != null) {
            listing.weeklyHours.clear();
            listing.weeklyHours.addAll(Schedules.weekly(content.weeklyHours(), field + "weeklyHours"));
        }
        if (content.scheduleExceptions() != null) {
            listing.scheduleExceptions.clear();
            listing.scheduleExceptions.addAll(Schedules.exceptions(content.scheduleExceptions(), field + "scheduleExceptions"));
        }
    }

    private static void applyPrice(ListingInputs.Price price, ServiceListingRecord listing, String field) {
        int full = price.priceFen() == null ? 0 : Inputs.range(price.priceFen(), field + "priceFen", 0, MAX_FEN, 0);
        int subsidy = price.subsidyFen() == null ? 0 : Inputs.range(price.subsidyFen(), field + "subsidyFen", 0, MAX_FEN, 0);
        PriceProblem problem = priceProblem(price.pricing(), full, subsidy);
        if (problem != null) {
            throw new ValidationException(field + problem.field(), problem.messageKey());
        }
        listing.pricing = price.pricing();
        listing.priceFen = full;
        listing.subsidyFen = subsidy;
        listing.priceUnit = Inputs.optional(price.unit(), field + "unit", 20);
    }

    /** Why the amounts do not fit the pricing: the input field at fault and the message. */
    record PriceProblem(String field, String messageKey) {
    }

    /**
     * FREE has no amounts; SUBSIDIZED a price and a subsidy of at most the price; PAID a price and no subsidy.
     * Null when the amounts fit.
     */
    static PriceProblem priceProblem(Pricing pricing, int fullFen, int subsidyFen) {
        return switch (pricing) {
            case FREE -> fullFen != 0 || subsidyFen != 0 ? new PriceProblem("priceFen", "error.listing.freeHasPrice") : null;
            case SUBSIDIZED -> fullFen == 0 || subsidyFen == 0 || subsidyFen > fullFen
                    ? new PriceProblem("subsidyFen", "error.listing.subsidy") : null;
            case PAID -> fullFen == 0 || subsidyFen != 0 ? new PriceProblem("priceFen", "error.listing.paid") : null;
        };
    }

    /** reach_codes: the location and service area with all their ancestors (what the region filter matches). */
    private void updateReach(ServiceListingRecord listing) {
        sql.update("UPDATE service_listing l SET reach_codes = ARRAY(SELECT DISTINCT unnest(r.path) FROM region r "
                + "WHERE r.id = l.region_id OR r.code = ANY(l.area_codes)) WHERE l.id = :id", Map.of("id", listing.id));
    }

    private ServiceListingRecord find(String id) {
        ServiceListingRecord listing = ServiceListingRecord.findById(Ids.parse(id, "input.id"));
        if (listing == null) {
            throw new NotFoundException("error.service.notFound", id);
        }
        return listing;
    }

    /** Called after the membership check, so that non-members learn nothing about versions. */
    private static void checkVersion(ServiceListingRecord listing, int version) {
        if (listing.version != version) {
            throw new ConflictException("error.staleVersion");
        }
    }

    private long regionOf(ServiceListingRecord listing) {
        OrganizationRecord organization = OrganizationRecord.findById(listing.organizationId);
        return organization.regionId;
    }

    private Service view(long id) {
        return services.any(id).orElseThrow();
    }

    private static AuditLog.Change change(String action, ServiceListingRecord listing, long regionId,
            Map<String, Object> before, Map<String, Object> after) {
        return new AuditLog.Change(action, "ServiceListing", listing.id, listing.organizationId, regionId, null, before, after);
    }
}
