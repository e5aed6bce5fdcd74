package cn.linli.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.common.Location;
import cn.linli.common.ValidationException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a service record that need no database. */
class DeliveryRulesTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:00:00+08:00");

    @Test
    void timesAreInThePastEndAfterStartAndAtMostTwelveHoursApart() {
        DeliveryRules.checkTimes(NOW.minusHours(3), NOW.minusHours(2), NOW);
        assertEquals("input.startedAt", assertThrows(ValidationException.class,
                () -> DeliveryRules.checkTimes(NOW.plusMinutes(1), NOW.plusHours(1), NOW)).field());
        assertEquals("input.endedAt", assertThrows(ValidationException.class,
                () -> DeliveryRules.checkTimes(NOW.minusHours(1), NOW.plusMinutes(5), NOW)).field());
        assertEquals("input.endedAt", assertThrows(ValidationException.class,
                () -> DeliveryRules.checkTimes(NOW.minusHours(1), NOW.minusHours(2), NOW)).field());
        assertEquals("input.endedAt", assertThrows(ValidationException.class,
                () -> DeliveryRules.checkTimes(NOW.minusHours(13), NOW.minusMinutes(30), NOW)).field());
    }

    @Test
    void atMostNineHttpsPhotos() {
        assertEquals(2, DeliveryRules.photos(List.of("https://img.example.cn/a.jpg", "https://img.example.cn/b.jpg")).size());
        assertEquals("input.photoUrls[1]", assertThrows(ValidationException.class,
                () -> DeliveryRules.photos(List.of("https://img.example.cn/a.jpg", "http://img.example.cn/b.jpg"))).field());
        assertEquals("input.photoUrls", assertThrows(ValidationException.class,
                () -> DeliveryRules.photos(java.util.Collections.nCopies(10, "https://img.example.cn/a.jpg"))).field());
        assertEquals("input.photoUrls[0]", assertThrows(ValidationException.class,
                () -> DeliveryRules.photos(List.of("javascript:alert(1)"))).field());
    }

    @Test
    void offSiteBeyond500MetresOfTheAddressOrOutsideTheServiceAreaOfAHomeVisit() {
        // 0.001° of latitude is about 111 m
        assertFalse(DeliveryRules.offSite(new Location(36.0640, 103.8000), 36.0604, 103.8000, false, List.of()), "400 m");
        assertTrue(DeliveryRules.offSite(new Location(36.0660, 103.8000), 36.0604, 103.8000, false, List.of()), "620 m");
        assertFalse(DeliveryRules.offSite(new Location(36.0800, 103.8000), 36.0604, 103.8000, true,
                List.of(new Location(36.0750, 103.8000))), "a home visit within its community");
        assertTrue(DeliveryRules.offSite(new Location(36.2000, 103.8000), null, null, true,
                List.of(new Location(36.0750, 103.8000))), "a home visit far outside the area it serves");
        assertEquals(1112, DeliveryRules.meters(36.0, 103.8, 36.01, 103.8), 2);
    }
}
