package cn.linli.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Counters of what the marketplace does: bookings, reviews and payments (Prometheus: linli_*_total). They are
 * registered at start, at zero, so that dashboards and alerts find them before the first event.
 */
@ApplicationScoped
public class BusinessMetrics {
    static final String[] COUNTERS = {"linli.bookings", "linli.reviews", "linli.payments", "linli.payments.fen"};

    @Inject
    MeterRegistry registry;

    void registerAtStart(@Observes StartupEvent start) {
        for (String counter : COUNTERS) {
            registry.counter(counter);
        }
    }

    public void booked() {
        registry.counter("linli.bookings").increment();
    }

    public void reviewed() {
        registry.counter("linli.reviews").increment();
    }

    public void paid(long fen) {
        registry.counter("linli.payments").increment();
        registry.counter("linli.payments.fen").increment(fen);
    }
}
