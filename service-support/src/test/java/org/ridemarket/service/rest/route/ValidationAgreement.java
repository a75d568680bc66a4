package org.ridemarket.service.rest.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.validator.HibernateValidator;
import org.ridemarket.service.rest.ErrorResponse.FieldError;

/**
 * Checks that a request type's hand-written {@link Checked#check} says exactly what Bean Validation says of
 * its annotations (the ones the OpenAPI schema shows), field by field and word for word, over variants of a
 * valid request: every leaf replaced by each of a set of awkward values, alone and in pairs.
 */
public final class ValidationAgreement {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<JsonNode> AWKWARD = List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode("   "),
      NODES.textNode("x".repeat(129)), NODES.textNode("has space"), NODES.textNode("usd"), NODES.textNode("BIKE"),
      NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1), NODES.numberNode(90.0),
      NODES.numberNode(90.000001), NODES.numberNode(-90.000001), NODES.numberNode(180.0), NODES.numberNode(-180.5),
      NODES.numberNode(1e6), NODES.objectNode());

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  // Hibernate Validator with its default, expression-language interpolator, as Quarkus configures it.
  private final Validator validator = Validation.byProvider(HibernateValidator.class).configure()
      .buildValidatorFactory().getValidator();

  /** The result of a comparison: how many variants bound and were compared, and those that disagreed. */
  public record Report(int compared, int invalid, List<String> disagreements) {
  }

  /** Compares both validations over variants of {@code valid}, a valid request of {@code type}. */
  public <T extends Checked> Report compare(Class<T> type, T valid) {
    JsonNode base = json.valueToTree(valid);
    List<String> leaves = new ArrayList<>();
    collect("", base, leaves);
    List<JsonNode> variants = new ArrayList<>();
    variants.add(base);
    for (String leaf : leaves) {
      for (JsonNode value : AWKWARD) {
        variants.add(replaced(base, leaf, value));
      }
    }
    for (int i = 0; i < leaves.size(); i++) {
      for (int j = i + 1; j < leaves.size(); j++) {
        variants.add(replaced(replaced(base, leaves.get(i), NODES.nullNode()), leaves.get(j), NODES.textNode("x")));
        variants.add(replaced(replaced(base, leaves.get(i), NODES.textNode("x")), leaves.get(j), NODES.textNode("y")));
      }
    }
    int compared = 0;
    int invalid = 0;
    List<String> disagreements = new ArrayList<>();
    for (JsonNode variant : variants) {
      T value;
      try {
        value = json.treeToValue(variant, type);
      } catch (Exception doesNotBind) {
        continue;
      }
      compared++;
      List<FieldError> byHand = FieldChecks.of(value).errors();
      List<FieldError> byAnnotations = beanValidation(value);
      if (!byHand.isEmpty()) {
        invalid++;
      }
      if (!byHand.equals(byAnnotations)) {
        disagreements.add(variant + ": by hand " + byHand + ", by annotations " + byAnnotations);
      }
    }
    return new Report(compared, invalid, disagreements);
  }

  private List<FieldError> beanValidation(Object value) {
    TreeSet<FieldError> errors = new TreeSet<>(Comparator.comparing(FieldError::field)
        .thenComparing(FieldError::message));
    for (ConstraintViolation<Object> violation : validator.validate(value)) {
      errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
    }
    return List.copyOf(errors);
  }

  private static String field(Path path) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY) {
        names.add(node.getName());
      }
    }
    return String.join(".", names);
  }

  private static void collect(String prefix, JsonNode node, List<String> leaves) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      leaves.add(path);
      if (field.getValue().isObject()) {
        collect(path, field.getValue(), leaves);
      }
    }
  }

  private static JsonNode replaced(JsonNode base, String path, JsonNode value) {
    ObjectNode copy = base.deepCopy();
    String[] names = path.split("\\.");
    ObjectNode parent = copy;
    for (int i = 0; i < names.length - 1; i++) {
      if (!(parent.get(names[i]) instanceof ObjectNode next)) {
        // An enclosing object was replaced already (by null, say): nothing left to replace.
        return copy;
      }
      parent = next;
    }
    parent.set(names[names.length - 1], value);
    return copy;
  }
}
