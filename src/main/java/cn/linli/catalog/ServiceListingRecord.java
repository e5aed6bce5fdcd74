package cn.linli.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service listing as stored: the write side. The API shows {@link Service}. */
@Entity
@Table(name = "service_listing")
public class ServiceListingRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "organization_id")
    public long organizationId;
    @Column(name = "category_id")
    public long categoryId;
    public String title;
    public String description = "";
    @Enumerated(EnumType.STRING)
    public ServiceMode mode;
    public String address;
    public Double lat;
    public Double lng;
    @Column(name = "region_id")
    public Long regionId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_codes")
    public String[] areaCodes = new String[0];
    @Enumerated(EnumType.STRING)
    public Pricing pricing;
    @Column(name = "price_fen")
    public long priceFen;
    @Column(name = "subsidy_fen")
    public long subsidyFen;
    @Column(name = "price_unit")
    public String priceUnit;
    @Column(name = "min_age")
    public Short minAge;
    @Column(name = "max_age")
    public Short maxAge;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups")
    public String[] targetGroups = new String[0];
    @Column(name = "capacity_per_slot")
    public int capacityPerSlot = 1;
    @Column(name = "slot_minutes")
    public int slotMinutes = 60;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Enumerated(EnumType.STRING)
    public ListingStatus status = ListingStatus.DRAFT;
    @Column(name = "contract_id")
    public Long contractId;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt = OffsetDateTime.now();
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
    @Version
    public int version;

    /** The evaluation outcome (不合格) that paused this listing; while set, its organization cannot publish it. */
    @Column(name = "paused_by_outcome_id")
    public Long pausedByOutcomeId;

    @ElementCollection
    @CollectionTable(name = "listing_weekly_hours", joinColumns = @JoinColumn(name = "listing_id"))
    @OrderBy("weekday, opens")
    public List<WeeklyHoursRow> weeklyHours = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "listing_schedule_exception", joinColumns = @JoinColumn(name = "listing_id"))
    @OrderBy("onDate, opens")
    public List<ScheduleExceptionRow> scheduleExceptions = new ArrayList<>();

    @Embeddable
    public static class WeeklyHoursRow {
        public int weekday;
        public LocalTime opens;
        public LocalTime closes;

        public WeeklyHoursRow() {
        }

        public WeeklyHoursRow(int weekday, LocalTime opens, LocalTime closes) {
            this.weekday = weekday;
            this.opens = opens;
            this.closes = closes;
        }

        @Override
        public String toString() {
            return weekday + " " + opens + "-" + closes;
        }
    }

    @Embeddable
    public static class ScheduleExceptionRow {
        @Column(name = "on_date")
        public LocalDate onDate;
        public boolean closed;
        public LocalTime opens;
        public LocalTime closes;
        public String note;

        public ScheduleExceptionRow() {
        }

        public ScheduleExceptionRow(LocalDate onDate, boolean closed, LocalTime opens, LocalTime closes, String note) {
            this.onDate = onDate;
            this.closed = closed;
            this.opens = opens;
            this.closes = closes;
            this.note = note;
        }

        @Override
        public String toString() {
            return onDate + (closed ? " closed" : " " + opens + "-" + closes);
        }
    }

    /** The fields the audit trail compares. */
    public Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("categoryId", categoryId);
        values.put("title", title);
        values.put("description", description);
        values.put("mode", mode);
        values.put("address", address);
        values.put("lat", lat);
        values.put("lng", lng);
        values.put("regionId", regionId);
        values.put("areaCodes", Arrays.asList(areaCodes));
        values.put("pricing", pricing);
        values.put("priceFen", priceFen);
        values.put("subsidyFen", subsidyFen);
        values.put("priceUnit", priceUnit);
        values.put("minAge", minAge);
        values.put("maxAge", maxAge);
        values.put("targetGroups", Arrays.asList(targetGroups));
        values.put("capacityPerSlot", capacityPerSlot);
        values.put("slotMinutes", slotMinutes);
        values.put("contactPhone", contactPhone);
        values.put("weeklyHours", weeklyHours.stream().map(Object::toString).toList());
        values.put("scheduleExceptions", scheduleExceptions.stream().map(Object::toString).toList());
        values.put("status", status);
        values.put("confirmedAt", confirmedAt == null ? null : confirmedAt.toString());
        return values;
    }
}
