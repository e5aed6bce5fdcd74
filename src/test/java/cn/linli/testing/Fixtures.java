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

    /** Members and officials of the search world (fixtures/people.sql). */
    public synchronized void people() {
        searchWorld();
        loadOnce("fixtures/people.sql", "SELECT 1 FROM region WHERE code = '990300'");
    }

    public long organizationA() {
        return id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000012'");
    }

    public long organizationB() {
        return id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000025'");
    }

    /** Runs a statement (or several) outside the service, as another process would. */
    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    /** The first column of the first row as text (null when SQL NULL). */
    public String string(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
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
