package org.ridemarket.service.rest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates bad bodies from one valid body of an endpoint, seeded so that a failure reproduces:
 * duplicate keys, trailing garbage, truncation, wrong types, non-finite and huge numbers, control
 * characters, lone surrogates, over-long strings, card numbers (every separator, in every field, as a
 * number, in unknown and nested fields and in field names), deep nesting, extreme instants and random
 * bytes, in turn.
 */
public final class BadBodies {

  private final JsonNode valid;
  private final String validText;
  private final Random random;
  private final List<String> leaves;
  private final List<String> objects;
  private final List<String> instants;
  private final Mutations mutations;

  /**
   * A generator.
   *
   * @param validJson a body the endpoint accepts, a JSON object; instants in it must be near now
   * @param seed the seed of every choice
   */
  public BadBodies(String validJson, long seed) {
    try {
      this.valid = new ObjectMapper().readTree(validJson);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    this.validText = new JsonText().render(valid);
    this.random = new Random(seed);
    BodyShape shape = new BodyShape(valid);
    this.leaves = shape.leaves;
    this.objects = shape.objects;
    this.instants = shape.instants;
    this.mutations = new Mutations(random);
  }

  /** {@code count} bad bodies, every kind of damage in turn. */
  public List<BadBody> generate(int count) {
    List<Function<Random, BadBody>> kinds = List.of(this::duplicateKey, this::trailingGarbage, this::truncated,
        this::wrongType, this::badNumber, this::controlCharacter, this::loneSurrogate, this::overLong,
        this::cardNumber, this::cardNumber, this::deepNesting, this::extremeInstant, this::randomBytes);
    List<BadBody> bodies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bodies.add(kinds.get(i % kinds.size()).apply(random));
    }
    return bodies;
  }

  private BadBody duplicateKey(Random r) {
    String leaf = pick(leaves);
    return BadBody.refused("duplicate-key", new JsonText().duplicate(leaf).render(valid), leaf);
  }

  private BadBody trailingGarbage(Random r) {
    String garbage = pick(List.of(" {}", " []", " 1", " \"a\"", " null", " true", "}", "]", ",", " x", "{", "\"\""));
    return BadBody.refused("trailing-garbage", validText + garbage, "body");
  }

  private BadBody truncated(Random r) {
    byte[] bytes = validText.getBytes(StandardCharsets.UTF_8);
    byte[] cut = new byte[r.nextInt(bytes.length)];
    System.arraycopy(bytes, 0, cut, 0, cut.length);
    return BadBody.anyClientError("truncated", cut);
  }

  private BadBody wrongType(Random r) {
    String leaf = pick(leaves);
    String raw = pick(List.of("{}", "[]", "true", "false", "{\"a\": 1}", "[1, 2]", "[\"x\"]"));
    return BadBody.refused("wrong-type", new JsonText().replace(leaf, raw).render(valid), leaf);
  }

  private BadBody badNumber(Random r) {
    String leaf = pick(leaves);
    if (r.nextInt(8) == 0) {
      // -0 is a valid number: only a 5xx would be wrong.
      String body = new JsonText().replace(leaf, pick(List.of("-0", "-0.0", "0e-400"))).render(valid);
      return BadBody.anyClientError("negative-zero", body.getBytes(StandardCharsets.UTF_8));
    }
    return BadBody.refused("bad-number", new JsonText().replace(leaf, mutations.badNumber()).render(valid), leaf);
  }

  private BadBody controlCharacter(Random r) {
    String leaf = pick(leaves);
    if (r.nextInt(6) == 0) {
      // Unescaped, the character breaks the JSON itself.
      String raw = "\"a" + (char) r.nextInt(0x20) + "b\"";
      return BadBody.refused("raw-control-character", new JsonText().replace(leaf, raw).render(valid), "body");
    }
    String text = mutations.insert(BodyShape.textOf(valid, leaf), mutations.controlCharacter());
    return BadBody.refused("control-character", new JsonText().replace(leaf, JsonText.quote(text)).render(valid), leaf);
  }

  private BadBody loneSurrogate(Random r) {
    String leaf = pick(leaves);
    String text = mutations.insert(BodyShape.textOf(valid, leaf), mutations.loneSurrogate());
    return BadBody.refused("lone-surrogate", new JsonText().replace(leaf, JsonText.quote(text)).render(valid), leaf);
  }

  private BadBody overLong(Random r) {
    String leaf = pick(leaves);
    String text = mutations.word(257 + r.nextInt(4000));
    return BadBody.refused("over-long", new JsonText().replace(leaf, JsonText.quote(text)).render(valid), leaf);
  }

  private BadBody cardNumber(Random r) {
    String digits = mutations.cardDigits();
    String written = mutations.withSeparators(digits);
    String object = pick(objects);
    String leaf = pick(leaves);
    String key = "x" + r.nextInt(1000);
    boolean before = r.nextBoolean();
    return switch (r.nextInt(6)) {
      case 0 -> BadBody.cardNumber("card-in-field", new JsonText().replace(leaf, JsonText.quote(written)).render(valid),
          leaf, digits);
      case 1 -> BadBody.cardNumber("card-as-number", new JsonText().replace(leaf, digits).render(valid), leaf, digits);
      case 2 -> BadBody.cardNumber("card-in-unknown-field", new JsonText()
          .add(object, JsonText.quote(key) + ": " + JsonText.quote(written), before).render(valid), JsonText.child(object, key), digits);
      case 3 -> BadBody.cardNumber("card-as-field-name", new JsonText()
          .add(object, JsonText.quote(written) + ": true", before).render(valid), object, digits);
      case 4 -> BadBody.cardNumber("card-in-array", new JsonText()
          .add(object, JsonText.quote(key) + ": [\"ok\", 7, " + JsonText.quote(written) + "]", before).render(valid),
          JsonText.child(object, key) + "[2]", digits);
      default -> BadBody.cardNumber("card-nested", new JsonText()
          .add(object, JsonText.quote(key) + ": {\"a\": {\"b\": " + digits + "}}", before).render(valid),
          JsonText.child(object, key) + ".a.b", digits);
    };
  }

  private BadBody deepNesting(Random r) {
    boolean arrays = r.nextBoolean();
    // Deep, but inside the 16 KB body limit: a 413 closes the connection before the body is read.
    int depth = 1 + r.nextInt(r.nextBoolean() ? 40 : arrays ? 3000 : 1500);
    String open = arrays ? "[" : "{\"a\": ";
    String close = arrays ? "]" : "}";
    String nested = open.repeat(depth) + "1" + close.repeat(depth);
    String body = new JsonText().add(pick(objects), "\"deep\": " + nested).render(valid);
    return BadBody.anyClientError("deep-nesting", body.getBytes(StandardCharsets.UTF_8));
  }

  private BadBody extremeInstant(Random r) {
    if (instants.isEmpty()) {
      String body = new JsonText().add(pick(objects), "\"at\": " + JsonText.quote(mutations.extremeInstant())).render(valid);
      return BadBody.anyClientError("extreme-instant-unknown", body.getBytes(StandardCharsets.UTF_8));
    }
    String leaf = pick(instants);
    String raw = r.nextInt(4) == 0 ? mutations.extremeEpoch() : JsonText.quote(mutations.extremeInstant());
    return BadBody.refused("extreme-instant", new JsonText().replace(leaf, raw).render(valid), leaf);
  }

  private BadBody randomBytes(Random r) {
    byte[] noise = new byte[r.nextInt(200)];
    r.nextBytes(noise);
    if (r.nextBoolean()) {
      byte[] prefix = validText.getBytes(StandardCharsets.UTF_8);
      byte[] both = new byte[prefix.length / 2 + noise.length];
      System.arraycopy(prefix, 0, both, 0, prefix.length / 2);
      System.arraycopy(noise, 0, both, prefix.length / 2, noise.length);
      noise = both;
    }
    return BadBody.anyClientError("random-bytes", noise);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
