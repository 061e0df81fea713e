package org.vetting.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A security key or passkey to register: a label its holder knows it by, and the object the
 * browser's {@code navigator.credentials.create} made ({@code PublicKeyCredential.toJSON()}).
 */
public record KeyRegistration(String label, JsonNode credential) {}
