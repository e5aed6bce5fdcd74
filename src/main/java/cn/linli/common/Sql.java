package cn.linli.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;

/** Native SQL for the read side: named parameters in, {@link Row}s out. */
@ApplicationScoped
public class Sql {
    @Inject
    EntityManager em;

    public List<Row> rows(String sql, Map<String, ?> params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
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
}
