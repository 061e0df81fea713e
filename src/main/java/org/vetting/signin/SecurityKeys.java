package org.vetting.signin;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.data.exception.Base64UrlException;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.CeremonyKind;
import org.vetting.common.Ids;
import org.vetting.common.ServiceTime;
import org.vetting.db.FactorDao;
import org.vetting.db.SessionDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.Unauthenticated;
import org.vetting.errors.ValidationFailed;

/**
 * Security keys and passkeys (WebAuthn), the phishing-resistant second factor: the relying party's
 * two ceremonies, registering a key and proving one, by Yubico's {@code webauthn-server-core} (the
 * signatures, origins, challenges, counters and COSE keys are its work, not this class's). The
 * options of a ceremony are kept on the session's row, so the answer may reach another instance,
 * and are taken once by it: a challenge signs once. A key answers for the relying party of {@link
 * Settings} only — a look-alike site's origin is refused, which is what makes it phishing-resistant.
 */
public final class SecurityKeys {
    /** How long a ceremony's options stay good (also the timeout the browser is given). */
    static final Duration CEREMONY = Duration.ofMinutes(5);

    /**
     * Who the relying party is: its id (a domain name: browsers refuse IP addresses), the origins a
     * key may answer from, and whether any port of them will do (a laptop trial on localhost).
     */
    public record Settings(String rpId, Set<String> origins, boolean anyPort) {
        /**
         * From the address users reach the service at ({@code VETTING_PUBLIC_URL}); without one,
         * {@code localhost} on any port (a trial, the tests).
         */
        public static Settings of(String publicUrl) {
            if (publicUrl == null || publicUrl.isBlank()) {
                return new Settings("localhost", Set.of("http://localhost", "https://localhost"), true);
            }
            URI uri = URI.create(publicUrl.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("VETTING_PUBLIC_URL must be an absolute URL: " + publicUrl);
            }
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return new Settings(uri.getHost(), Set.of(origin), false);
        }
    }

    private final Jdbi jdbi;
    private final ServiceTime time;
    private final RelyingParty party;

    public SecurityKeys(Jdbi jdbi, ServiceTime time, Settings settings) {
        this.jdbi = jdbi;
        this.time = time;
        this.party = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(settings.rpId()).name(Factors.ISSUER).build())
                .credentialRepository(new Repository())
                .origins(settings.origins())
                .allowOriginPort(settings.anyPort())
                .build();
    }

    /** The options for registering a key for the session's person ({@code navigator.credentials.create}). */
    String registrationOptions(SessionDao.SessionRow session) {
        ByteArray handle = jdbi.inTransaction(h -> handle(h, session.username()));
        PublicKeyCredentialCreationOptions options = party.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name(session.username()).displayName(session.username()).id(handle).build())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.DISCOURAGED)
                        .userVerification(UserVerificationRequirement.PREFERRED).build())
                .timeout(CEREMONY.toMillis())
                .build());
        try {
            start(session, CeremonyKind.REGISTER, options.toJson());
            return options.toCredentialsCreateJson();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write WebAuthn options", e);
        }
    }

    /** A key just registered: what to store of it. */
    record Registered(String credentialId, String publicKey, long signCount) {}

    /** The browser's answer to the registration options: the key, checked; refused when it is not the answer. */
    Registered register(SessionDao.SessionRow session, JsonNode credential) {
        String answer = text(credential);
        String json = take(session, CeremonyKind.REGISTER);
        try {
            PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.fromJson(json);
            var response = PublicKeyCredential.parseRegistrationResponseJson(answer);
            String id = response.getId().getBase64Url();
            if (jdbi.withExtension(FactorDao.class, dao -> dao.credentialsWithId(id)) > 0) {
                throw new Conflict("this key is registered already");
            }
            RegistrationResult result = party.finishRegistration(FinishRegistrationOptions.builder()
                    .request(options).response(response).build());
            return new Registered(id, result.getPublicKeyCose().getBase64Url(), result.getSignatureCount());
        } catch (RegistrationFailedException e) {
            throw new Unauthenticated("the key's answer was refused: " + e.getMessage());
        } catch (IOException e) {
            throw ValidationFailed.of("credential", "not a WebAuthn registration (the object the browser made)");
        }
    }

    /** The options for proving one of the session's person's keys ({@code navigator.credentials.get}). */
    String assertionOptions(SessionDao.SessionRow session) {
        if (jdbi.withExtension(FactorDao.class, dao -> dao.keysOf(session.username())).isEmpty()) {
            throw new Conflict("no security key is registered for " + session.username());
        }
        AssertionRequest request = party.startAssertion(StartAssertionOptions.builder()
                .username(session.username()).userVerification(UserVerificationRequirement.PREFERRED)
                .timeout(CEREMONY.toMillis()).build());
        try {
            start(session, CeremonyKind.ASSERT, request.toJson());
            return request.toCredentialsGetJson();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write WebAuthn options", e);
        }
    }

    /**
     * Whether the browser's answer proves one of the session's person's keys: signed by it, for these
     * options, from an origin of this relying party, with a counter that grew. The options are spent
     * either way.
     */
    boolean proves(SessionDao.SessionRow session, JsonNode credential) {
        String answer = text(credential);
        String json = take(session, CeremonyKind.ASSERT);
        try {
            AssertionResult result = party.finishAssertion(FinishAssertionOptions.builder()
                    .request(AssertionRequest.fromJson(json))
                    .response(PublicKeyCredential.parseAssertionResponseJson(answer)).build());
            if (!result.isSuccess() || !session.username().equals(result.getUsername())) {
                return false;
            }
            String id = result.getCredential().getCredentialId().getBase64Url();
            return jdbi.inTransaction(h -> {
                FactorDao dao = h.attach(FactorDao.class);
                return dao.keysWithId(id).stream().anyMatch(k -> dao.signed(k.id(), result.getSignatureCount()) == 1);
            });
        } catch (AssertionFailedException e) {
            return false;
        } catch (IOException e) {
            throw ValidationFailed.of("credential", "not a WebAuthn assertion (the object the browser made)");
        }
    }

    private static String text(JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw ValidationFailed.of("credential", "required: the object the browser's WebAuthn call made");
        }
        return credential.toString();
    }

    private void start(SessionDao.SessionRow session, CeremonyKind kind, String options) {
        jdbi.useExtension(SessionDao.class, dao -> dao.startCeremony(session.idHash(),
                new SessionDao.CeremonyRow(Ids.next(), kind, options, time.now())));
    }

    /** The session's ceremony of this kind, taken (once, on any instance); refused when there is none, or it is stale. */
    private String take(SessionDao.SessionRow session, CeremonyKind kind) {
        return jdbi.inTransaction(h -> {
            SessionDao dao = h.attach(SessionDao.class);
            Optional<SessionDao.CeremonyRow> ceremony = dao.ceremony(session.idHash())
                    .filter(c -> c.ceremonyKind() == kind);
            if (ceremony.isEmpty() || dao.takeCeremony(session.idHash(), ceremony.get().ceremonyId()) != 1) {
                throw new Conflict("no WebAuthn options are waiting for this answer: ask for them first");
            }
            if (!ceremony.get().ceremonyAt().plus(CEREMONY).isAfter(time.now())) {
                throw new Unauthenticated("the WebAuthn options expired: ask for new ones");
            }
            return ceremony.get().ceremony();
        });
    }

    /** The person's user handle: 32 random bytes made at their first key, never their name. */
    private static ByteArray handle(Handle h, String username) {
        FactorDao dao = h.attach(FactorDao.class);
        if (dao.handleOf(username).isEmpty()) {
            dao.setHandle(username, Secrets.token());
        }
        return bytes(dao.handleOf(username).orElseThrow());
    }

    private static ByteArray bytes(String base64Url) {
        try {
            return ByteArray.fromBase64Url(base64Url);
        } catch (Base64UrlException e) {
            throw new IllegalStateException("a stored WebAuthn value is not base64url", e);
        }
    }

    private static RegisteredCredential credential(FactorDao.KeyRow k) {
        return RegisteredCredential.builder().credentialId(bytes(k.credentialId())).userHandle(bytes(k.handle()))
                .publicKeyCose(bytes(k.publicKey())).signatureCount(k.signCount()).build();
    }

    /** The keys on file, as the relying party looks them up. */
    private final class Repository implements CredentialRepository {
        @Override
        public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
            return jdbi.withExtension(FactorDao.class, dao -> dao.keysOf(username)).stream()
                    .map(k -> PublicKeyCredentialDescriptor.builder().id(bytes(k.credentialId())).build())
                    .collect(Collectors.toSet());
        }

        @Override
        public Optional<ByteArray> getUserHandleForUsername(String username) {
            return jdbi.withExtension(FactorDao.class, dao -> dao.handleOf(username)).map(SecurityKeys::bytes);
        }

        @Override
        public Optional<String> getUsernameForUserHandle(ByteArray handle) {
            return jdbi.withExtension(FactorDao.class, dao -> dao.userOfHandle(handle.getBase64Url()));
        }

        @Override
        public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray handle) {
            return lookupAll(credentialId).stream().filter(c -> c.getUserHandle().equals(handle)).findFirst();
        }

        @Override
        public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
            return jdbi.withExtension(FactorDao.class, dao -> dao.keysWithId(credentialId.getBase64Url())).stream()
                    .map(SecurityKeys::credential).collect(Collectors.toSet());
        }
    }
}
