package org.vetting.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A migration that has run on a database is never edited: Flyway would refuse to start the service
 * there (checksum mismatch). Change the schema with a new migration; list it here once released.
 */
class ReleasedMigrationsTest {
    static final Map<String, String> RELEASED = Map.ofEntries(
            Map.entry("migration/V1__schema.sql",
                    "2e8362dafb391d7de83f04d3c47f40da95d72d17cdf64356429974af444afefb"),
            Map.entry("migration/V2__audit.sql",
                    "c70533f91b59ff539c8e974a7b1608f37ebebcc4a3f435a57389399b59f8109f"),
            Map.entry("migration/V3__adjudications.sql",
                    "499841da3639343e41c790bfa658cd528016faa61d69c14b535fb3c9b86354d4"),
            Map.entry("postgresql/V4__protect_history.sql",
                    "b4e79d26b97056b570abc22148b3d9806ed010c8605be74e9dab8fef8f2a6c58"),
            Map.entry("migration/V5__decided_by_rules.sql",
                    "220a28742b21199c5fd01c0a7ba7d10b771316e8e8c95990001dbf11bf94e82b"),
            Map.entry("migration/V6__integrity.sql",
                    "ac62c40f61f127ef7d8e17e9de9733e6789ba487195cb1d9e7c2857f6f7daad5"),
            Map.entry("migration/V7__sign_in.sql",
                    "c892d3b23921fecdd360e42b7f966cdb7addfca9d551e357851c9d786a902e84"),
            Map.entry("migration/V8__policy_changes.sql",
                    "d7c9c357592cb19b03eba13410fed3ef3edfb90a7f0d47afec374c7974291e6d"),
            Map.entry("migration/V9__officer_names.sql",
                    "5a0b9c5bd095cd97b7efe34a6b882913f266a659b9a7950c4aa11e83a821de21"),
            Map.entry("migration/V10__screening.sql",
                    "1ce931abc17ab0ee5a0b0646508af39404bd252a35af1cf8582c2e7550cb75d9"),
            Map.entry("postgresql/V11__protect_screening_history.sql",
                    "60bfa9fa36763eacecb0932aaa5bfb2ff021900bd5439669b33a3f8a3891ae1b"),
            Map.entry("migration/V12__fired_rules_inline.sql",
                    "880d086ce02c3224bf9e0a60c4951195cd84929b2a5b7958dbad010483520547"),
            Map.entry("migration/V13__clearances_by_unit.sql",
                    "f9c8a5f12c076141b3db31474abcff6760bc3efb21b072a7f3542a6d0bab3a9b"),
            Map.entry("migration/V14__workflow_states.sql",
                    "7a2158e76f9d53e4f299e0688f64c51acf797a67ee4232ded3878f7068618f21"),
            Map.entry("migration/V15__sessions_and_factors.sql",
                    "e444568aeea77918cf874fe27aabc4c3608096c396915a6d633db9b9b05ae171"),
            Map.entry("migration/V16__security_keys.sql",
                    "ac04cc7327eedfd3bf5047261566ff5a89ae164657f92edbb8d6d69560cd9c31"),
            Map.entry("migration/V17__single_sign_on.sql",
                    "ce8ceae2737c3bfab59fb0589e297145cb444e1c4a9b7ec73241b5665e22a1df"),
            Map.entry("migration/V18__adverse_cases.sql",
                    "87e115f707fa1d4807627012cb2f88a541478dcb1ee44c7f632338adf6c56a99"),
            Map.entry("postgresql/V19__protect_adverse_history.sql",
                    "4a7f4cb6cbdc8d0909c9308d13691e3bdac3ef0ddd299e3ae5225d73dc5884b5"));

    @Test
    void releasedMigrationsAreNeverEdited() throws IOException, NoSuchAlgorithmException {
        for (var e : RELEASED.entrySet()) {
            byte[] bytes = Files.readAllBytes(Path.of("src/main/resources/db", e.getKey()));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as(e.getKey() + " was released; add a new migration instead of editing it").isEqualTo(e.getValue());
        }
    }
}
