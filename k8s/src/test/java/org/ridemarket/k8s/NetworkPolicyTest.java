package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may reach what, evaluated the way the cluster would: every policy that selects the target pod,
 * every rule of it that covers the port, every peer of those rules.
 */
class NetworkPolicyTest {

  private static final Map<String, String> FRAUD_SERVICE = Map.of("app.kubernetes.io/name", "fraud-service");
  private static final Map<String, String> REDIS = Map.of("app.kubernetes.io/name", "redis");
  private static final Map<String, String> POSTGRES = Map.of("cnpg.io/cluster", "ridemarket-pg");
  private static final List<String> NAMESPACE_PODS = List.of("feature-streams", "pricing-service", "eta-service",
      "fraud-service", "redis", "simulator", "otel-collector", "analyst-console");

  static List<String> overlays() {
    return Overlays.ALL;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldDenyAllIngressByDefault(String overlay) {
    // given the overlay's policies
    List<NetworkPolicy> policies = Overlays.render(overlay).all(NetworkPolicy.class);

    // then one selects every pod for ingress and allows nothing
    assertThat(policies).anySatisfy(policy -> {
      assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEmpty();
      assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isEmpty();
      assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
      assertThat(policy.getSpec().getIngress()).isEmpty();
    });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldAdmitFraudServiceOnlyFromTheGatewayTheAnalystsConsoleAndPrometheus(String overlay) {
    // given every peer that may reach fraud-service's port
    List<NetworkPolicyPeer> peers = peers(Overlays.render(overlay), FRAUD_SERVICE, 8083);

    // then other namespaces are the gateway's (any pod), the analysts' (the console only) and Prometheus'
    assertThat(peers.stream().filter(peer -> peer.getNamespaceSelector() != null))
        .extracting(NetworkPolicyTest::describe)
        .containsExactlyInAnyOrder("namespace payment-gateway", "namespace analysts, pods analyst-console",
            "namespace monitoring");
    // and no pod of the namespace itself, except the simulator standing in for the gateway in dev
    assertThat(podsOfOwnNamespace(peers)).isEqualTo(overlay.equals("dev") ? Set.of("simulator") : Set.of());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldAdmitRedisOnlyFromTheAppsThatUseItAndItsOwnPods(String overlay) {
    // given every peer that may reach Redis' port
    List<NetworkPolicyPeer> peers = peers(Overlays.render(overlay), REDIS, 6379);

    // then only the sinks, the three services and the Redis pods (replication, Sentinel), all in-namespace
    assertThat(peers).allSatisfy(peer -> {
      assertThat(peer.getNamespaceSelector()).isNull();
      assertThat(peer.getIpBlock()).isNull();
    });
    assertThat(podsOfOwnNamespace(peers))
        .containsExactlyInAnyOrder("feature-streams", "pricing-service", "eta-service", "fraud-service", "redis");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldAdmitPostgresOnlyFromPricingFraudItsInstancesAndItsOperator(String overlay) {
    // given every peer that may reach PostgreSQL's port
    List<NetworkPolicyPeer> peers = peers(Overlays.render(overlay), POSTGRES, 5432);

    // then the two services that record promises, the instances' replication, and CloudNativePG
    assertThat(podsOfOwnNamespace(peers)).containsExactlyInAnyOrder("pricing-service", "fraud-service");
    assertThat(peers).anySatisfy(peer -> assertThat(Selectors.matches(peer.getPodSelector(), POSTGRES)).isTrue());
    assertThat(peers.stream().filter(peer -> peer.getNamespaceSelector() != null))
        .extracting(NetworkPolicyTest::describe).containsExactly("namespace cnpg-system");
  }

  private static List<NetworkPolicyPeer> peers(Overlays.Rendered rendered, Map<String, String> pod, int port) {
    return rendered.all(NetworkPolicy.class).stream()
        .filter(policy -> Selectors.matches(policy.getSpec().getPodSelector(), pod))
        .flatMap(policy -> policy.getSpec().getIngress().stream())
        .filter(rule -> rule.getPorts().isEmpty()
            || rule.getPorts().stream().anyMatch(p -> new IntOrString(port).equals(p.getPort())))
        .flatMap(rule -> rule.getFrom().isEmpty() ? Stream.of(new NetworkPolicyPeer()) : rule.getFrom().stream())
        .toList();
  }

  /** Which of the namespace's pods (by app name) the peers without a namespace selector admit. */
  private static Set<String> podsOfOwnNamespace(List<NetworkPolicyPeer> peers) {
    Set<String> admitted = new TreeSet<>();
    for (NetworkPolicyPeer peer : peers) {
      if (peer.getNamespaceSelector() == null && peer.getIpBlock() == null) {
        NAMESPACE_PODS.stream()
            .filter(app -> peer.getPodSelector() == null
                || Selectors.matches(peer.getPodSelector(), Map.of("app.kubernetes.io/name", app)))
            .forEach(admitted::add);
      }
    }
    return admitted;
  }

  private static String describe(NetworkPolicyPeer peer) {
    String namespace = "namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    return peer.getPodSelector() == null ? namespace
        : namespace + ", pods " + peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
  }
}
