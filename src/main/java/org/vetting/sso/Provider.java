package org.vetting.sso;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.vetting.common.ServiceTime;
import org.vetting.errors.Unavailable;

/**
 * The agency's OpenID Connect provider as the service knows it: its metadata from discovery
 * ({@code <issuer>/.well-known/openid-configuration}, read at the first need and kept), and its
 * signing keys from its JWKS, cached by Nimbus and fetched again when a token names a key the
 * cache does not hold (a key rotated at the provider is taken without a restart; at most one such
 * fetch every {@link #REFRESH_AT_MOST_EVERY}, so forged key ids cannot make the service hammer the
 * provider). A token is accepted only when signed with an asymmetric algorithm by one of those keys
 * ({@code alg: none} and HMAC are refused: the client secret is no signing key), from the issuer
 * exactly, for the audience expected, and within its times by the service's clock.
 */
public final class Provider {
    static final Duration REFRESH_AT_MOST_EVERY = Duration.ofSeconds(5);
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
    private static final int TIMEOUT_MILLIS = 5_000;
    /** How far the provider's clock and the service's may differ. */
    private static final int SKEW_SECONDS = 60;

    private final Issuer issuer;
    private final ServiceTime time;
    private volatile OIDCProviderMetadata metadata;
    private volatile JWKSource<SecurityContext> keys;

    Provider(String issuer, ServiceTime time) {
        this.issuer = new Issuer(issuer);
        this.time = time;
    }

    String issuer() {
        return issuer.getValue();
    }

    /** The provider's metadata, from discovery; refused (unavailable) while the provider cannot be reached. */
    OIDCProviderMetadata metadata() {
        OIDCProviderMetadata m = metadata;
        if (m == null) {
            synchronized (this) {
                if (metadata == null) {
                    try {
                        OIDCProviderMetadata found = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
                        keys = JWKSourceBuilder.create(found.getJWKSetURI().toURL())
                                .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(15).toMillis())
                                .rateLimited(REFRESH_AT_MOST_EVERY.toMillis())
                                .retrying(true).build();
                        metadata = found;
                    } catch (GeneralException | IOException e) {
                        throw new Unavailable("the identity provider cannot be reached: " + e.getMessage());
                    }
                }
                m = metadata;
            }
        }
        return m;
    }

    URI endSession() {
        return metadata().getEndSessionEndpointURI();
    }

    /**
     * A signed JWT's claims, when it verifies: the signature by one of the provider's keys with an
     * asymmetric algorithm, {@code iss} exactly the issuer, {@code aud} naming {@code audience},
     * {@code exp} not passed, {@code nbf} and {@code iat} not ahead (a minute of skew either way).
     * Empty otherwise.
     */
    Optional<JWTClaimsSet> verify(String jwt, String audience, Set<String> required) {
        metadata();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer.getValue()).build(), required) {
            @Override
            protected Date currentTime() {
                return Date.from(time.now());
            }

            @Override
            public void verify(JWTClaimsSet set, SecurityContext context) throws BadJWTException {
                super.verify(set, context);
                Date iat = set.getIssueTime();
                if (iat != null && iat.toInstant().isAfter(time.now().plusSeconds(SKEW_SECONDS))) {
                    throw new BadJWTException("JWT issued in the future");
                }
            }
        };
        claims.setMaxClockSkew(SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return Optional.of(processor.process(jwt, null));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }
}
