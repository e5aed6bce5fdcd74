package cn.linli.common;

import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Native SQL for the read side: named parameters in, {@link Row}s out. Reads go to the read replica when one is
 * configured ({@code LINLI_REPLICA_ENABLED}), the request allows it ({@link ReadRouting}: an anonymous query) and no transaction is
 * open; else to the primary.
 */
@ApplicationScoped
public class Sql {
    @Inject
    EntityManager em;

    @Inject
    @PersistenceUnit("replica")
    Instance<EntityManager> replica;

    @ConfigProperty(name = "linli.replica.enabled", defaultValue = "false")
    boolean replicaEnabled;

    private volatile EntityManager replicaManager;

    public List<Row> rows(String sql, Map<String, ?> params) {
        Query query = forReading().createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = query.getResultList();
        return tuples.stream().map(Row::new).toList();
    }

    /** An INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    public int update(String sql, Map<String, ?> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.executeUpdate();
    }

    /** Binds one item's parameters to a batched statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /**
     * One statement for many items, as JDBC batches of {@code 1 000} on the transaction's connection (an import of
     * 100 000 rows is 100 round trips, not 100 000); returns each item's update count, in order.
     */
    public <T> int[] batch(String sql, List<T> items, Binder<T> binder) {
        int[] counts = new int[items.size()];
        if (items.isEmpty()) {
            return counts;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int done = 0;
                for (int i = 0; i < items.size(); i++) {
                    binder.bind(statement, items.get(i));
                    statement.addBatch();
                    if ((i + 1) % BATCH == 0 || i == items.size() - 1) {
                        int[] chunk = statement.executeBatch();
                        System.arraycopy(chunk, 0, counts, done, chunk.length);
                        done += chunk.length;
                    }
                }
            }
        });
        return counts;
    }

    private static final int BATCH = 1_000;

    public List<Row> rows(String sql) {
        return rows(sql, Map.of());
    }

    private EntityManager forReading() {
        if (replicaEnabled && !QuarkusTransaction.isActive() && ReadRouting.replicaAllowed()) {
            EntityManager replicaManager = this.replicaManager;
            if (replicaManager == null) { // resolved once: the unit exists only when the replica is configured
                replicaManager = replica.get();
                this.replicaManager = replicaManager;
            }
            return replicaManager;
        }
        return em;
    }
}
