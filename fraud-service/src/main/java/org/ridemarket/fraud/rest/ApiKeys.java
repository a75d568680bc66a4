package org.ridemarket.fraud.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.ridemarket.fraud.config.FraudConfig;

/**
 * The configured API keys, held only as SHA-256 digests. A presented key is hashed and compared with
 * every digest of its role in constant time, without stopping at a match, so neither the comparison
 * nor the number of keys checked tells an attacker how close a guess was.
 */
@ApplicationScoped
public class ApiKeys {

  /** What a key may do. */
  public enum Role {
    /** The payment gateway: scoring. */
    GATEWAY,
    /** A fraud analyst: the review queue. */
    ANALYST
  }

  private static final String HASH_PREFIX = "sha256:";

  private final List<byte[]> gateway;
  private final List<byte[]> analyst;

  @Inject
  ApiKeys(FraudConfig config) {
    this(config.auth().apiKeys(), config.auth().analystKeys());
  }

  ApiKeys(List<String> gatewayKeys, List<String> analystKeys) {
    this.gateway = digests("fraud.auth.api-keys", gatewayKeys);
    this.analyst = digests("fraud.auth.analyst-keys", analystKeys);
  }

  /** The role of a presented key, or null for an unknown (or absent) key. */
  public Role roleOf(String presented) {
    if (presented == null || presented.isEmpty()) {
      return null;
    }
    byte[] digest = sha256(presented);
    boolean isGateway = matchesAny(gateway, digest);
    boolean isAnalyst = matchesAny(analyst, digest);
    return isAnalyst ? Role.ANALYST : isGateway ? Role.GATEWAY : null;
  }

  private static boolean matchesAny(List<byte[]> digests, byte[] digest) {
    boolean match = false;
    for (byte[] candidate : digests) {
      match |= MessageDigest.isEqual(candidate, digest);
    }
    return match;
  }

  private static List<byte[]> digests(String property, List<String> entries) {
    List<byte[]> digests = entries.stream().map(String::trim).filter(entry -> !entry.isEmpty())
        .map(entry -> digest(property, entry)).toList();
    if (digests.isEmpty()) {
      throw new IllegalArgumentException(property + " lists no key");
    }
    return digests;
  }

  private static byte[] digest(String property, String entry) {
    if (!entry.toLowerCase(Locale.ROOT).startsWith(HASH_PREFIX)) {
      return sha256(entry);
    }
    String hex = entry.substring(HASH_PREFIX.length());
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(property + " has a sha256: entry that is not 64 hex digits");
    }
    return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
