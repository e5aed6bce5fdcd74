package cn.linli.testing;

import cn.linli.common.Sql;
import io.quarkus.arc.Arc;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The SQL statements the service sends while some work runs: Hibernate's own (entities, updates; its statistics are
 * on in tests) and the reads of {@link Sql}, which run on plain JDBC.
 */
public final class Statements {
    private Statements() {
    }

    public static long during(Runnable work) {
        Statistics statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        statistics.clear();
        long reads = Sql.readsRun();
        work.run();
        return statistics.getPrepareStatementCount() + Sql.readsRun() - reads;
    }
}
