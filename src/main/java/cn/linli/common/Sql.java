package cn.linli.common;

import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.List;
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
