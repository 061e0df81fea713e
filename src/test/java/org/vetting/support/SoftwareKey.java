package org.vetting.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A security key in software, for the tests: a P-256 key pair and a credential id, answering the
 * service's WebAuthn options as a browser and an authenticator together would — the client data,
 * the authenticator data with its signature counter, the attestation object ({@code none}) and the
 * ES256 signature, written byte by byte from the WebAuthn specification (level 2, sections 5.2, 6.1
 * and 6.5), with no WebAuthn library, so the service's library is checked against the specification
 * rather than against itself. The origin is what the "browser" claims: a look-alike site is one
 * string away.
 */
public final class SoftwareKey {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair pair;
    private final byte[] credentialId;
    private long counter;

    public SoftwareKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            this.pair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.credentialId = new byte[32];
        new SecureRandom().nextBytes(credentialId);
    }

    private SoftwareKey(SoftwareKey original) {
        this.pair = original.pair;
        this.credentialId = original.credentialId;
        this.counter = original.counter;
    }

    /** A clone of this key as it is now: same key and id, a counter of its own (what a cloned key shows). */
    public SoftwareKey copy() {
        return new SoftwareKey(this);
    }

    /** The credential id, base64url, as the service lists it. */
    public String id() {
        return B64.encodeToString(credentialId);
    }

    /** The answer to registration options {@code {"publicKey": …}}, from {@code origin}. */
    public ObjectNode register(JsonNode options, String origin) {
        JsonNode pk = options.get("publicKey");
        byte[] clientData = clientData("webauthn.create", pk.get("challenge").asText(), origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(header(pk.get("rp").get("id").asText(), 0x45)); // user present, verified, attested data
        authData.writeBytes(new byte[16]); // AAGUID: none
        authData.write(credentialId.length >> 8);
        authData.write(credentialId.length & 0xff);
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        byte[] auth = authData.toByteArray();
        // {"fmt": "none", "attStmt": {}, "authData": bytes}
        ByteArrayOutputStream att = new ByteArrayOutputStream();
        att.write(0xa3);
        text(att, "fmt");
        text(att, "none");
        text(att, "attStmt");
        att.write(0xa0);
        text(att, "authData");
        att.write(0x59);
        att.write(auth.length >> 8);
        att.write(auth.length & 0xff);
        att.writeBytes(auth);
        ObjectNode response = JSON.createObjectNode().put("clientDataJSON", B64.encodeToString(clientData))
                .put("attestationObject", B64.encodeToString(att.toByteArray()));
        response.putArray("transports").add("usb");
        return credential(response);
    }

    /** The answer to assertion options {@code {"publicKey": …}}, from {@code origin}: signed, its counter one on. */
    public ObjectNode sign(JsonNode options, String origin) {
        JsonNode pk = options.get("publicKey");
        byte[] clientData = clientData("webauthn.get", pk.get("challenge").asText(), origin);
        counter++;
        byte[] auth = header(pk.get("rpId").asText(), 0x05); // user present, verified
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(pair.getPrivate());
            s.update(auth);
            s.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            ObjectNode response = JSON.createObjectNode().put("clientDataJSON", B64.encodeToString(clientData))
                    .put("authenticatorData", B64.encodeToString(auth)).put("signature", B64.encodeToString(s.sign()));
            return credential(response);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode credential(ObjectNode response) {
        ObjectNode c = JSON.createObjectNode().put("id", id()).put("rawId", id()).put("type", "public-key");
        c.set("response", response);
        c.putObject("clientExtensionResults");
        return c;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return JSON.createObjectNode().put("type", type).put("challenge", challenge).put("origin", origin)
                .put("crossOrigin", false).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The relying party id's hash, the flags and the signature counter. */
    private byte[] header(String rpId, int flags) {
        try {
            byte[] rpHash = MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(37).put(rpHash).put((byte) flags).putInt((int) counter).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a COSE_Key (RFC 9053): {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
        out.writeBytes(unsigned32(key.getW().getAffineX()));
        out.writeBytes(new byte[] {0x22, 0x58, 0x20});
        out.writeBytes(unsigned32(key.getW().getAffineY()));
        return out.toByteArray();
    }

    private static byte[] unsigned32(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, b.length);
        System.arraycopy(b, b.length - copy, out, 32 - copy, copy);
        return out;
    }

    /** A CBOR text string shorter than 24 bytes. */
    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(0x60 + b.length);
        out.writeBytes(b);
    }

    @Override
    public String toString() {
        return "SoftwareKey " + id() + " at " + counter;
    }
}
