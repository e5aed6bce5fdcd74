package cn.linli.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stable pseudonyms of residents for the audit trail as organizations read it: {@code resident-} and the first
 * 16 hexadecimal digits of HMAC-SHA256(key, subject). The same resident always gets the same pseudonym (an
 * organization can tell that two entries come from one person), and without the key nobody can tell whose it is
 * or check a guess. The key is {@code linli.audit.pseudonym-key} (LINLI_AUDIT_PSEUDONYM_KEY) when set, else
 * the random one the database was created with (table {@code audit_pseudonym_key}, made by migration V7), so
 * that every instance agrees.
 */
@ApplicationScoped
public class AuditPseudonyms {
    static final String PREFIX = "resident-";

    @ConfigProperty(name = "linli.audit.pseudonym-key")
    Optional<String> configuredKey;

    @Inject
    DataSource dataSource;

    private volatile SecretKeySpec key;

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (key == null) {
                key = new SecretKeySpec(material(), "HmacSHA256");
            }
            return key;
        }
    }

    private byte[] material() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            return configuredKey.get().getBytes(StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT secret FROM audit_pseudonym_key");
                ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                throw new IllegalStateException("audit_pseudonym_key is empty: migration V7 did not run");
            }
            return result.getString(1).getBytes(StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit pseudonym key", e);
        }
    }

    /** The resident's pseudonym: stable, and not reversible without the key. */
    public String of(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e); // every Java runtime has HmacSHA256
        }
    }
}
