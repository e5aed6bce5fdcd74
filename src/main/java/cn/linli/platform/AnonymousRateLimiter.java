package cn.linli.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per client address and minute for anonymous callers (fixed one-minute windows, per instance: with
 * N instances behind a balancer a client gets at most N times the limit, which is what an abuse guard needs).
 */
@ApplicationScoped
public class AnonymousRateLimiter {
    private static final int MAX_CLIENTS = 100_000;

    @ConfigProperty(name = "linli.rate-limit.anonymous-per-minute", defaultValue = "600")
    int perMinute;

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window = currentWindow();

    public boolean tryAcquire(String client) {
        long now = currentWindow();
        if (now != window) {
            counts.clear();
            window = now;
        }
        if (counts.size() > MAX_CLIENTS) {
            counts.clear(); // a flood of addresses: forget rather than grow without bound
        }
        return counts.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }

    public int retryAfterSeconds() {
        return (int) Math.max(1, 60 - (System.currentTimeMillis() / 1000) % 60);
    }

    private static long currentWindow() {
        return System.currentTimeMillis() / 60_000;
    }
}
