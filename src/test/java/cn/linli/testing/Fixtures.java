package cn.linli.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Loads SQL fixtures into the test database once per run. */
@ApplicationScoped
public class Fixtures {
    @Inject
    AgroalDataSource dataSource;

    /** The search world around 30.0 N, 120.0 E (fixtures/search.sql). */
    public synchronized void searchWorld() {
        loadOnce("fixtures/search.sql", "SELECT 1 FROM region WHERE code = '990100'");
    }

    public long id(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loadOnce(String resource, String presentQuery) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement check = connection.createStatement(); ResultSet rows = check.executeQuery(presentQuery)) {
                if (rows.next()) {
                    return;
                }
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
                 Statement load = connection.createStatement()) {
                load.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not load " + resource, e);
        }
    }
}
