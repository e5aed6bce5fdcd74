package cn.linli.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits for anonymous callers, per client address and minute: a number of requests, and a budget of query
 * cost ({@link QueryCost}) so that a few heavy queries count like many light ones. Fixed one-minute windows,
 * per instance: with N instances behind a balancer a client gets at most N times the limit, which is what an
 * abuse guard needs.
 */
@ApplicationScoped
public class AnonymousRateLimiter {
    private static final int MAX_CLIENTS = 100_000;

    @ConfigProperty(name = "linli.rate-limit.anonymous-per-minute", defaultValue = "600")
    int requestsPerMinute;

    @ConfigProperty(name = "linli.rate-limit.anonymous-cost-per-minute", defaultValue = "300000")
    long costPerMinute;

    @ConfigProperty(name = "linli.rate-limit.anonymous-max-query-cost", defaultValue = "5000")
    long maxQueryCost;

    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private volatile long window = currentWindow();

    private static final class Usage {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong cost = new AtomicLong();
    }

    /** Counts one request of the client; false when it is over its requests for this minute. */
    public boolean tryRequest(String client) {
        return usageOf(client).requests.incrementAndGet() <= requestsPerMinute;
    }

    /** Charges a query's cost to the client; false when that spends more than its budget for this minute. */
    public boolean tryCost(String client, long cost) {
        return usageOf(client).cost.addAndGet(cost) <= costPerMinute;
    }

    /** The most a single anonymous query may cost. */
    public long maxQueryCost() {
        return maxQueryCost;
    }

    public int retryAfterSeconds() {
        return (int) Math.max(1, 60 - (System.currentTimeMillis() / 1000) % 60);
    }

    private Usage usageOf(String client) {
        long now = currentWindow();
        if (now != window) {
            usage.clear();
            window = now;
        }
        if (usage.size() > MAX_CLIENTS) {
            usage.clear(); // a flood of addresses: forget rather than grow without bound
        }
        return usage.computeIfAbsent(client, c -> new Usage());
    }

    private static long currentWindow() {
        return System.currentTimeMillis() / 60_000;
    }
}
