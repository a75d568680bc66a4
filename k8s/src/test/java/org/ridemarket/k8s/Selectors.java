package org.ridemarket.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Kubernetes' label-selector semantics, for asking which pods a policy or a budget applies to. */
final class Selectors {

  private Selectors() {
  }

  /** Whether {@code selector} selects {@code labels}; a null selector selects nothing, an empty one everything. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
      if (!required.getValue().equals(labels.get(required.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
      if (!matches(requirement, labels)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    return switch (requirement.getOperator()) {
      case "In" -> value != null && requirement.getValues().contains(value);
      case "NotIn" -> value == null || !requirement.getValues().contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> throw new IllegalArgumentException("unknown operator " + requirement.getOperator());
    };
  }
}
