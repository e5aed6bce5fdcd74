package cn.linli.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organization as stored: the write side. The API shows {@link Organization}, never this entity. */
@Entity
@Table(name = "organization")
public class OrganizationRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "credit_code")
    public String creditCode;
    public String name;
    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;
    @Column(name = "region_id")
    public long regionId;
    public String address;
    public Double lat;
    public Double lng;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    public String description = "";
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_category_codes")
    public String[] serviceCategoryCodes = new String[0];
    @Column(name = "social_worker_count")
    public int socialWorkerCount;
    @Column(name = "rating_level")
    public Short ratingLevel;
    @Column(name = "rating_expires_on")
    public LocalDate ratingExpiresOn;
    @Enumerated(EnumType.STRING)
    public OrganizationStatus status = OrganizationStatus.PENDING;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "barred_until")
    public LocalDate barredUntil;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
    /** The location is its region's centroid (imported without coordinates) until the organization sets one. */
    @Column(name = "approximate_location")
    public boolean approximateLocation;
    @Version
    public int version;

    /** The fields the audit trail compares. */
    public Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("creditCode", creditCode);
        values.put("kind", kind);
        values.put("regionId", regionId);
        values.put("address", address);
        values.put("lat", lat);
        values.put("lng", lng);
        values.put("contactName", contactName);
        values.put("contactPhone", contactPhone);
        values.put("description", description);
        values.put("serviceCategoryCodes", Arrays.asList(serviceCategoryCodes));
        values.put("socialWorkerCount", socialWorkerCount);
        values.put("ratingLevel", ratingLevel == null ? null : RatingLevel.ofStars((int) ratingLevel).name());
        values.put("ratingExpiresOn", ratingExpiresOn == null ? null : ratingExpiresOn.toString());
        values.put("status", status);
        return values;
    }
}
