package org.ridemarket.service.onnx;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import io.smallrye.common.annotation.Blocking;
import org.jboss.logging.Logger;
import org.ridemarket.service.config.ServingConfig;

/**
 * Operators' model control, behind {@code X-Admin-Key}: what is in service, a hot swap to a named
 * version (a rollback is a swap to an older one; {@code latest} follows the store again), and a shadow
 * candidate scored beside the model in service (ADR 0033). Blocking work (opening a session) runs on a
 * worker thread, never an event loop.
 */
@Path("/admin/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelAdminResource {

  private static final Logger LOG = Logger.getLogger(ModelAdminResource.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final double DEFAULT_SHADOW_SAMPLE = 0.1;
  static final double DEFAULT_SHADOW_TOLERANCE = 0.01;

  private final ServedModels models;
  private final List<byte[]> keys;

  ModelAdminResource(ServedModels models, ServingConfig config) {
    this.models = models;
    this.keys = config.adminKeys().orElse(List.of()).stream().filter(key -> !key.isBlank())
        .map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** The model in service per name, and its shadow candidate if one runs. */
  @GET
  public Response list(@HeaderParam("X-Admin-Key") String key) {
    if (!authorised(key)) {
      return forbidden();
    }
    Map<String, Object> view = new LinkedHashMap<>();
    for (ModelSlot slot : models.slots()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("inService", slot.currentId().orElse(""));
      entry.put("pinned", slot.pinnedVersion().orElse(""));
      entry.put("unavailable", slot.unavailableReason().orElse(""));
      slot.shadowReport().ifPresent(report -> entry.put("shadow", view(report)));
      view.put(slot.name(), entry);
    }
    return Response.ok(view).build();
  }

  /**
   * Verifies {@code version} of {@code name} and scores a {@code sample} of the live rows with it too, off
   * the request path; its agreement with the model in service is in {@link #list} and in metrics.
   */
  @POST
  @Path("/{name}/shadow")
  @Blocking
  public Response shadow(@HeaderParam("X-Admin-Key") String key, @PathParam("name") String name,
      @QueryParam("version") String version, @QueryParam("sample") String sample,
      @QueryParam("tolerance") String tolerance) {
    if (!authorised(key)) {
      return forbidden();
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      return error(Response.Status.BAD_REQUEST, "version", "is required: a published version");
    }
    Optional<Double> share = number(sample, DEFAULT_SHADOW_SAMPLE);
    if (share.isEmpty() || !ShadowModel.sampleInRange(share.get())) {
      return error(Response.Status.BAD_REQUEST, "sample", "must be a number in (0, 1]");
    }
    Optional<Double> within = number(tolerance, DEFAULT_SHADOW_TOLERANCE);
    if (within.isEmpty() || !ShadowModel.toleranceInRange(within.get())) {
      return error(Response.Status.BAD_REQUEST, "tolerance", "must be a finite number >= 0");
    }
    Optional<ModelSlot> served = served(name);
    if (served.isEmpty()) {
      return notServed();
    }
    ModelSlot slot = served.get();
    try {
      String id = slot.shadow(version, share.get(), within.get());
      LOG.infof("admin started shadow %s", id);
      return Response.ok(Map.of("inService", slot.currentId().orElse(""), "shadow", id)).build();
    } catch (ModelRefusedException e) {
      LOG.warnf("admin shadow refused: %s", e.getMessage());
      return refused("shadow refused", e);
    }
  }

  /** Stops the shadow candidate of {@code name} and returns what it saw. */
  @DELETE
  @Path("/{name}/shadow")
  @Blocking
  public Response stopShadow(@HeaderParam("X-Admin-Key") String key, @PathParam("name") String name) {
    if (!authorised(key)) {
      return forbidden();
    }
    Optional<ModelSlot> served = served(name);
    if (served.isEmpty()) {
      return notServed();
    }
    return served.get().stopShadow()
        .map(report -> Response.ok(Map.of("stopped", view(report))).build())
        .orElseGet(() -> error(Response.Status.NOT_FOUND, "name", "has no shadow candidate"));
  }

  private static Map<String, Object> view(ShadowReport report) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("candidate", report.candidate());
    view.put("sample", report.sample());
    view.put("tolerance", report.tolerance());
    view.put("compared", report.compared());
    view.put("agreed", report.agreed());
    view.put("dropped", report.dropped());
    // JSON has no NaN: before the first row these are absent.
    if (report.compared() > 0) {
      view.put("agreement", report.agreement());
      view.put("meanAbsDifference", report.meanAbsDifference());
      view.put("maxAbsDifference", report.maxAbsDifference());
    }
    return view;
  }

  private static Optional<Double> number(String text, double absent) {
    if (text == null) {
      return Optional.of(absent);
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Verifies {@code version} of {@code name} and swaps it in; the old version keeps serving if it is refused. */
  @POST
  @Path("/{name}/activate")
  @Blocking
  public Response activate(@HeaderParam("X-Admin-Key") String key, @PathParam("name") String name,
      @QueryParam("version") String version) {
    if (!authorised(key)) {
      return forbidden();
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      return error(Response.Status.BAD_REQUEST, "version", "is required: a published version, or latest");
    }
    Optional<ModelSlot> served = served(name);
    if (served.isEmpty()) {
      return notServed();
    }
    ModelSlot slot = served.get();
    try {
      String id = slot.activate(version);
      LOG.infof("admin swapped %s in", id);
      return Response.ok(Map.of("inService", id)).build();
    } catch (ModelRefusedException e) {
      LOG.warnf("admin swap refused: %s", e.getMessage());
      return refused("model refused; " + slot.currentId().orElse("no model") + " stays in service", e);
    }
  }

  /** The slot of a well-formed {@code name} this service serves. */
  private Optional<ModelSlot> served(String name) {
    return NAME.matcher(name).matches() ? models.slot(name) : Optional.empty();
  }

  private static Response notServed() {
    return error(Response.Status.NOT_FOUND, "name", "is not a model this service serves");
  }

  private static Response refused(String title, ModelRefusedException e) {
    return Response.status(Response.Status.CONFLICT).entity(Map.of("status", 409, "title", title,
        "reason", e.getMessage())).build();
  }

  private boolean authorised(String key) {
    if (key == null || keys.isEmpty()) {
      return false;
    }
    byte[] given = key.getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] known : keys) {
      match |= MessageDigest.isEqual(known, given);
    }
    return match;
  }

  private static Response forbidden() {
    return Response.status(Response.Status.FORBIDDEN)
        .entity(Map.of("status", 403, "title", "a valid X-Admin-Key is required", "errors", List.of())).build();
  }

  private static Response error(Response.Status status, String field, String message) {
    return Response.status(status).entity(Map.of("status", status.getStatusCode(), "title", "invalid request",
        "errors", List.of(Map.of("field", field, "message", message)))).build();
  }
}
