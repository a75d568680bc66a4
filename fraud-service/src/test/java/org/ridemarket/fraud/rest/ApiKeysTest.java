package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  @Test
  void shouldKnowKeysGivenInClearOrAsTheirSha256() {
    String hashed = "sha256:" + HexFormat.of().formatHex(ApiKeys.sha256("stored-as-hash"));
    ApiKeys keys = new ApiKeys(List.of("gw-1", hashed), List.of("an-1"));

    assertThat(keys.roleOf("gw-1")).isEqualTo(ApiKeys.Role.GATEWAY);
    assertThat(keys.roleOf("stored-as-hash")).isEqualTo(ApiKeys.Role.GATEWAY);
    assertThat(keys.roleOf("an-1")).isEqualTo(ApiKeys.Role.ANALYST);
    assertThat(keys.roleOf(hashed)).as("the digest itself is not a key").isNull();
    assertThat(keys.roleOf("gw-2")).isNull();
    assertThat(keys.roleOf("")).isNull();
    assertThat(keys.roleOf(null)).isNull();
  }

  @Test
  void shouldRefuseToStartWithoutKeysOrWithAMalformedDigest() {
    assertThatThrownBy(() -> new ApiKeys(List.of(" "), List.of("an-1"))).hasMessageContaining("fraud.auth.api-keys");
    assertThatThrownBy(() -> new ApiKeys(List.of("gw"), List.of("sha256:abc")))
        .hasMessageContaining("fraud.auth.analyst-keys");
  }
}
