package cn.linli.platform;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counters of what the marketplace does: bookings, reviews and payments (Prometheus: linli_*_total). */
@ApplicationScoped
public class BusinessMetrics {
    @Inject
    MeterRegistry registry;

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
