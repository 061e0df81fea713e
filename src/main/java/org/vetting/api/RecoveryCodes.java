package org.vetting.api;

import java.util.List;

/** Single-use recovery codes, shown once: only their hashes are stored. */
public record RecoveryCodes(List<String> recoveryCodes) {}
