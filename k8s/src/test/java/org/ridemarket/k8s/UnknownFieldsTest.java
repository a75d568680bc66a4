package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed models keep a field they do not know in {@code additionalProperties} instead of failing,
 * so a misspelt {@code readinesProbe} would parse. This walks every typed resource and fails on any
 * field the model does not know: the schema check that needs no cluster and no downloaded schemas.
 */
class UnknownFieldsTest {

  static List<String> overlays() {
    return Overlays.ALL;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldUseOnlyFieldsTheModelsKnow(String overlay) {
    // given every typed resource of the overlay
    Set<String> unknown = new LinkedHashSet<>();
    for (HasMetadata resource : Overlays.render(overlay).resources()) {
      if (!(resource instanceof GenericKubernetesResource)) {
        collect(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
      }
    }

    // then no field is left over
    assertThat(unknown).isEmpty();
  }

  private static void collect(Object node, String path, Set<String> unknown) {
    if (node == null || !isModel(node.getClass())) {
      if (node instanceof Collection<?> items) {
        int i = 0;
        for (Object item : items) {
          collect(item, path + "[" + i++ + "]", unknown);
        }
      } else if (node instanceof Map<?, ?> map) {
        map.forEach((key, value) -> collect(value, path + "." + key, unknown));
      }
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = invoke(getter, node);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(path + ": " + extra.keySet());
        }
      } else {
        collect(value, path + "." + getter.getName(), unknown);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    String name = type.getName();
    return !type.isEnum() && (name.startsWith("io.fabric8.kubernetes.api.model")
        || name.startsWith("io.fabric8.openshift.api.model") || name.startsWith("io.strimzi.api"));
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
