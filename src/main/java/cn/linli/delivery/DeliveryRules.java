package cn.linli.delivery;

import cn.linli.common.Inputs;
import cn.linli.common.Location;
import cn.linli.common.ValidationException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** The rules of a service record that need no database: times, photos, and where the worker was. */
final class DeliveryRules {
    static final Duration LONGEST = Duration.ofHours(12);
    static final Duration CONFIRMATION_WINDOW = Duration.ofHours(72);
    /** A check-in this far from the listing's address still counts as on site. */
    static final int ON_SITE_METERS = 500;
    /**
     * A home visit is on site within this distance of a centroid of one of the regions it serves (社区 are about
     * a kilometre across; the platform keeps regions' centroids, not their boundaries).
     */
    static final int SERVICE_AREA_METERS = 2_000;
    static final int MAX_PHOTOS = 9;

    private DeliveryRules() {
    }

    static void checkTimes(OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime now) {
        if (startedAt.isAfter(now)) {
            throw new ValidationException("input.startedAt", "error.delivery.future");
        }
        if (endedAt.isAfter(now)) {
            throw new ValidationException("input.endedAt", "error.delivery.future");
        }
        if (!endedAt.isAfter(startedAt)) {
            throw new ValidationException("input.endedAt", "error.delivery.endBeforeStart");
        }
        if (Duration.between(startedAt, endedAt).compareTo(LONGEST) > 0) {
            throw new ValidationException("input.endedAt", "error.delivery.tooLong", String.valueOf(LONGEST.toHours()));
        }
    }

    static List<String> photos(List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > MAX_PHOTOS) {
            throw new ValidationException("input.photoUrls", "error.delivery.photos", String.valueOf(MAX_PHOTOS));
        }
        for (int i = 0; i < urls.size(); i++) {
            String field = "input.photoUrls[" + i + "]";
            String url = Inputs.required(urls.get(i), field, 500);
            try {
                URI uri = URI.create(url);
                if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new ValidationException(field, "error.delivery.photoHttps");
                }
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field, "error.delivery.photoHttps");
            }
        }
        return List.copyOf(urls);
    }

    /** Great-circle distance in metres (haversine, mean Earth radius). */
    static double meters(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * Off site: checked in farther than {@link #ON_SITE_METERS} from the listing's address and, for home visits,
     * farther than {@link #SERVICE_AREA_METERS} from every region it serves. {@code areaCentroids} may be empty.
     */
    static boolean offSite(Location checkIn, Double listingLat, Double listingLng, boolean homeVisit, List<Location> areaCentroids) {
        if (listingLat != null && listingLng != null
                && meters(checkIn.lat(), checkIn.lng(), listingLat, listingLng) <= ON_SITE_METERS) {
            return false;
        }
        if (homeVisit) {
            for (Location centroid : areaCentroids) {
                if (meters(checkIn.lat(), checkIn.lng(), centroid.lat(), centroid.lng()) <= SERVICE_AREA_METERS) {
                    return false;
                }
            }
        }
        return true;
    }
}
