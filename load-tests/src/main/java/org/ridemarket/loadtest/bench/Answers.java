package org.ridemarket.loadtest.bench;

import io.vertx.core.VertxException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** How the generator reads an outcome cheaply: the degraded flag of a body, the kind of a failure. */
public final class Answers {

  private static final String DEGRADED = "\"degraded\"";

  private Answers() {
  }

  /**
   * Whether a JSON answer says {@code "degraded": true}. A scan, not a parse: the generator must stay
   * light, and the services write the flag once, at the top level of a flat answer.
   */
  public static boolean degraded(CharSequence body) {
    String text = body.toString();
    int at = text.indexOf(DEGRADED);
    if (at < 0) {
      return false;
    }
    int i = at + DEGRADED.length();
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':')) {
      i++;
    }
    return text.startsWith("true", i);
  }

  /** {@code timeout}, {@code connection refused}, {@code connection closed}, else the exception's class. */
  public static String failureKind(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")
        || message.contains("timeout") || message.contains("timed out")) {
      return "timeout";
    }
    if (failure instanceof ConnectException || message.contains("connection refused")) {
      return "connection refused";
    }
    if (message.contains("closed") || message.contains("reset")) {
      return "connection closed";
    }
    return failure instanceof VertxException && failure.getMessage() != null ? failure.getMessage()
        : failure.getClass().getSimpleName();
  }
}
