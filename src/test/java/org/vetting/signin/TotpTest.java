package org.vetting.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors (SHA-1, the seed "12345678901234567890"), six digits as apps show them. */
class TotpTest {
    static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void shouldGiveTheRfcsCodes(long seconds, String code) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
    }

    @Test
    void shouldTakeACodeOfTheStepOrEitherNeighbour_OnlyAfterTheLastAccepted() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.match(RFC_SECRET, "050471", now, -1)).hasValue(step);
        assertThat(Totp.match(RFC_SECRET, "050471", now, step)).as("the same code again").isEmpty();
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, -1)).hasValue(step - 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step)).hasValue(step + 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, -1)).as("a minute old").isEmpty();
        assertThat(Totp.match(RFC_SECRET, "12345", now, -1)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, "abcdef", now, -1)).isEmpty();
    }

    @Test
    void shouldMakeSecretsAndUrisAnAppReads() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.uri("Vetting service", "hr.lopez", secret)).isEqualTo("otpauth://totp/Vetting%20service:hr.lopez?secret="
                + secret + "&issuer=Vetting%20service&algorithm=SHA1&digits=6&period=30");
    }
}
