package cn.linli.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Native SQL for the read side: named parameters in, {@link Row}s out. Reads go to the read replica when one is
 * configured ({@code LINLI_REPLICA_ENABLED}), the request allows it ({@link ReadRouting}: an anonymous query) and no transaction is
 * open; else to the primary.
 *
 * <p>Reads run on plain JDBC (issue 16: Hibernate's native-query path — a session, its result-set mapping resolved
 * per execution, tuples by alias — was a tenth of a near-me search's CPU and added nothing to SQL that maps its own
 * rows): outside a transaction on a connection of the pool for the one statement, inside one on the transaction's
 * own connection after Hibernate has flushed the transaction's pending entity changes, as its native queries did.
 */
@ApplicationScoped
public class Sql {
    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("replica")
    Instance<AgroalDataSource> replica;

    @ConfigProperty(name = "linli.replica.enabled", defaultValue = "false")
    boolean replicaEnabled;

    private volatile AgroalDataSource replicaSource;

    /**
     * The statements {@link #rows} runs, at DEBUG ({@code quarkus.log.category."cn.linli.sql".level=DEBUG}): the text
     * with its parameters as {@code ?}, never their values (a resident's phone may be one). The benchmark compares
     * its copies of the hot statements with what this logs.
     */
    private static final Logger STATEMENTS = Logger.getLogger("cn.linli.sql");

    /** Statements run by {@link #rows}: Hibernate's statistics no longer see them (tests count a page's statements). */
    private static final LongAdder READS = new LongAdder();

    public static long readsRun() {
        return READS.sum();
    }

    public List<Row> rows(String sql, Map<String, ?> params) {
        NamedParameters statement = NamedParameters.of(sql);
        String jdbcSql = statement.jdbcSql(params);
        List<Object> values = statement.jdbcValues(params);
        if (QuarkusTransaction.isActive()) {
            em.flush();
            return em.unwrap(Session.class).doReturningWork(connection -> query(connection, jdbcSql, values));
        }
        try (Connection connection = forReading().getConnection()) {
            return query(connection, jdbcSql, values);
        } catch (SQLException e) {
            // as Hibernate reported them: callers and the error mapping look for the SQLException among the causes
            throw new PersistenceException("The statement failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static List<Row> query(Connection connection, String sql, List<Object> values) throws SQLException {
        READS.increment();
        if (STATEMENTS.isDebugEnabled()) {
            STATEMENTS.debug("SQL: " + sql);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                JdbcValues.bind(statement, i + 1, values.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                int count = meta.getColumnCount();
                Map<String, Integer> columns = new HashMap<>(count * 2);
                boolean[] withZone = new boolean[count];
                for (int c = 0; c < count; c++) {
                    columns.putIfAbsent(meta.getColumnLabel(c + 1), c);
                    withZone[c] = "timestamptz".equals(meta.getColumnTypeName(c + 1));
                }
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[count];
                    for (int c = 0; c < count; c++) {
                        row[c] = withZone[c] ? result.getObject(c + 1, OffsetDateTime.class) : result.getObject(c + 1);
                    }
                    rows.add(new Row(columns, row));
                }
                return rows;
            }
        }
    }

    /**
     * For the rest of the open transaction, every statement is planned for its own execution. A connection keeps its
     * prepared statements, and PostgreSQL their generic plans, made for the tables as they were: an import that
     * grows a table by thousands of rows within its transaction otherwise runs its look-ups with a plan for a small
     * table (a sequential scan per row: 20 000 regions took 20 s instead of 2).
     */
    public void planEachExecution() {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("planEachExecution applies to a transaction; none is open");
        }
        rows("SELECT set_config('plan_cache_mode', 'force_custom_plan', true) AS mode", Map.of());
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

    private javax.sql.DataSource forReading() {
        if (replicaEnabled && ReadRouting.replicaAllowed()) {
            AgroalDataSource replicaSource = this.replicaSource;
            if (replicaSource == null) { // resolved once: the data source is active only when the replica is configured
                replicaSource = replica.get();
                this.replicaSource = replicaSource;
            }
            return replicaSource;
        }
        return primary;
    }
}
