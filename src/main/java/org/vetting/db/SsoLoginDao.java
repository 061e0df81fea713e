package org.vetting.db;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sign-ins through the agency's provider in progress, by the SHA-256 of their {@code state}; each taken once. */
public interface SsoLoginDao {
    record LoginRow(String stateHash, String bindingHash, String nonceHash, String codeVerifier, String returnTo,
                    String sessionHash, Instant createdAt) {}

    @SqlUpdate("""
            INSERT INTO sso_logins (state_hash, binding_hash, nonce_hash, code_verifier, return_to, session_hash, created_at)
            VALUES (:stateHash, :bindingHash, :nonceHash, :codeVerifier, :returnTo, :sessionHash, :createdAt)""")
    void insert(@BindMethods LoginRow row);

    @SqlQuery("""
            SELECT state_hash, binding_hash, nonce_hash, code_verifier, return_to, session_hash, created_at
              FROM sso_logins WHERE state_hash = :stateHash""")
    @RegisterConstructorMapper(LoginRow.class)
    Optional<LoginRow> find(@Bind("stateHash") String stateHash);

    /** Takes a sign-in for the provider's answer: 1 for the one call that took it, 0 for any other. */
    @SqlUpdate("DELETE FROM sso_logins WHERE state_hash = :stateHash")
    int take(@Bind("stateHash") String stateHash);

    /** Forgets sign-ins abandoned before {@code before}. */
    @SqlUpdate("DELETE FROM sso_logins WHERE created_at < :before")
    int forget(@Bind("before") Instant before);
}
