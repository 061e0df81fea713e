package org.vetting.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.FactorKind;

/** Second factors and recovery codes. */
public interface FactorDao {
    /** A factor; {@code secret} is a TOTP secret (base32), {@code lastStep} the last TOTP time step accepted. */
    record FactorRow(String id, String username, FactorKind kind, String label, String secret, long lastStep,
                     Instant createdAt, Instant confirmedAt, Instant removedAt) {}

    String COLUMNS = "id, username, kind, label, secret, last_step, created_at, confirmed_at, removed_at";

    @SqlUpdate("INSERT INTO second_factors (" + COLUMNS + """
            ) VALUES (:id, :username, :kind, :label, :secret, :lastStep, :createdAt, :confirmedAt, :removedAt)""")
    void insert(@BindMethods FactorRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM second_factors WHERE id = :id AND removed_at IS NULL")
    @RegisterConstructorMapper(FactorRow.class)
    Optional<FactorRow> find(@Bind("id") String id);

    /** A user's factors that were not removed, enrolled or not, oldest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM second_factors WHERE username = :username AND removed_at IS NULL"
            + " ORDER BY created_at, id")
    @RegisterConstructorMapper(FactorRow.class)
    List<FactorRow> ofUser(@Bind("username") String username);

    /**
     * Accepts a TOTP time step once: 1 when {@code step} is later than every step the factor accepted
     * before (and it is now the last), 0 when it is not (a code used again, or an older one).
     */
    @SqlUpdate("UPDATE second_factors SET last_step = :step WHERE id = :id AND last_step < :step AND removed_at IS NULL")
    int accept(@Bind("id") String id, @Bind("step") long step);

    @SqlUpdate("UPDATE second_factors SET confirmed_at = :at WHERE id = :id AND confirmed_at IS NULL")
    int confirm(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE second_factors SET removed_at = :at WHERE id = :id AND removed_at IS NULL")
    int remove(@Bind("id") String id, @Bind("at") Instant at);

    /** Removes every factor of a user (a reset two administrators agreed); how many. */
    @SqlUpdate("UPDATE second_factors SET removed_at = :at WHERE username = :username AND removed_at IS NULL")
    int removeAll(@Bind("username") String username, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO recovery_codes (username, code_hash, created_at) VALUES (:username, :hash, :at)")
    void insertCode(@Bind("username") String username, @Bind("hash") String hash, @Bind("at") Instant at);

    /** Spends a recovery code: 1 when it was unused, 0 otherwise. */
    @SqlUpdate("""
            UPDATE recovery_codes SET used_at = :at
             WHERE username = :username AND code_hash = :hash AND used_at IS NULL""")
    int spendCode(@Bind("username") String username, @Bind("hash") String hash, @Bind("at") Instant at);

    @SqlQuery("SELECT COUNT(*) FROM recovery_codes WHERE username = :username AND used_at IS NULL")
    int codesLeft(@Bind("username") String username);

    /** Unused codes are replaced when new ones are issued. */
    @SqlUpdate("DELETE FROM recovery_codes WHERE username = :username AND used_at IS NULL")
    int dropUnusedCodes(@Bind("username") String username);

    /** A security key or passkey (WebAuthn): its credential id and COSE public key (base64url), its signature counter. */
    record KeyRow(String id, String username, String credentialId, String publicKey, long signCount, String handle) {}

    String KEY_COLUMNS = """
            f.id, f.username, f.credential_id, f.public_key, f.sign_count, u.webauthn_handle AS handle""";
    String KEYS = " FROM second_factors f JOIN users u ON u.username = f.username"
            + " WHERE f.kind = 'WEBAUTHN' AND f.removed_at IS NULL AND f.confirmed_at IS NOT NULL";

    /** Registers a key, confirmed: its registration ceremony proved it. */
    @SqlUpdate("""
            INSERT INTO second_factors (id, username, kind, label, last_step, created_at, confirmed_at,
                                        credential_id, public_key, sign_count)
            VALUES (:id, :username, 'WEBAUTHN', :label, -1, :at, :at, :credentialId, :publicKey, :signCount)""")
    void insertKey(@Bind("id") String id, @Bind("username") String username, @Bind("label") String label,
                   @Bind("credentialId") String credentialId, @Bind("publicKey") String publicKey,
                   @Bind("signCount") long signCount, @Bind("at") Instant at);

    @SqlQuery("SELECT " + KEY_COLUMNS + KEYS + " AND f.username = :username ORDER BY f.created_at, f.id")
    @RegisterConstructorMapper(KeyRow.class)
    List<KeyRow> keysOf(@Bind("username") String username);

    /** A key by its credential id, removed ones too: a credential id is registered once, ever. */
    @SqlQuery("SELECT COUNT(*) FROM second_factors WHERE credential_id = :credentialId")
    int credentialsWithId(@Bind("credentialId") String credentialId);

    @SqlQuery("SELECT " + KEY_COLUMNS + KEYS + " AND f.credential_id = :credentialId")
    @RegisterConstructorMapper(KeyRow.class)
    List<KeyRow> keysWithId(@Bind("credentialId") String credentialId);

    /** The key's signature counter moved on: 1 when it grew (or the key keeps none), 0 otherwise. */
    @SqlUpdate("""
            UPDATE second_factors SET sign_count = :count
             WHERE id = :id AND removed_at IS NULL AND (sign_count < :count OR (:count = 0 AND sign_count = 0))""")
    int signed(@Bind("id") String id, @Bind("count") long count);

    @SqlQuery("SELECT webauthn_handle FROM users WHERE username = :username")
    Optional<String> handleOf(@Bind("username") String username);

    @SqlQuery("SELECT username FROM users WHERE webauthn_handle = :handle")
    Optional<String> userOfHandle(@Bind("handle") String handle);

    /** Gives a user their WebAuthn user handle, once: 1 when this call set it. */
    @SqlUpdate("UPDATE users SET webauthn_handle = :handle WHERE username = :username AND webauthn_handle IS NULL")
    int setHandle(@Bind("username") String username, @Bind("handle") String handle);
}
