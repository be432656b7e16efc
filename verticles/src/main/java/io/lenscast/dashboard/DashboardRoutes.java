package io.lenscast.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.image.CropGeometry;
import io.lenscast.config.DashboardSettings;
import io.lenscast.metrics.LenscastMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The dashboard's HTTP surface: the static UI, the job API, uploads, Prometheus and health, and
 * the WebSocket upgrade. Handlers run on the verticle's event loop; anything blocking (file
 * reads of uploads) goes through Vert.x's async file system.
 */
final class DashboardRoutes {
  private static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final DashboardSettings settings;
  private final JobStore store;
  private final WebSocketHub hub;
  private final JobPublisher publisher;
  private final KafkaHealth health;
  private final LenscastMetrics metrics;
  private final Path webRoot;
  private final JobRequestParser parser = new JobRequestParser();

  DashboardRoutes(Vertx vertx, DashboardSettings settings, Path webRoot, JobStore store,
      WebSocketHub hub, JobPublisher publisher, KafkaHealth health, LenscastMetrics metrics) {
    this.vertx = vertx;
    this.settings = settings;
    this.store = store;
    this.hub = hub;
    this.publisher = publisher;
    this.health = health;
    this.metrics = metrics;
    this.webRoot = webRoot;
  }

  Router router() {
    Router router = Router.router(vertx);
    if (settings.authToken() != null && !settings.authToken().isBlank()) {
      BearerAuth auth = new BearerAuth(settings.authToken());
      router.route("/api/*").handler(auth);
      router.route("/ws").handler(auth);
    }
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
    router.get("/api/jobs").handler(this::listJobs);
    router.get("/api/jobs/:id").handler(this::getJob);
    router.get("/api/jobs/:id/crop.jpg").handler(this::getCrop);
    router.get("/api/aggregates").handler(this::aggregates);
    router.post("/api/jobs")
        .handler(BodyHandler.create()
            .setBodyLimit(settings.maxUploadBytes() + MULTIPART_OVERHEAD_BYTES)
            .setDeleteUploadedFilesOnEnd(true))
        .handler(this::submit);
    router.get("/ws").handler(this::upgrade);
    router.route("/*").handler(StaticHandler.create(FileSystemAccess.ROOT,
            webRoot.toAbsolutePath().toString())
        .setCachingEnabled(false));
    router.errorHandler(413, ctx -> json(ctx, 413, error("upload larger than "
        + settings.maxUploadBytes() + " bytes")));
    return router;
  }

  private void upgrade(RoutingContext ctx) {
    ctx.request().toWebSocket()
        .onSuccess(hub::connect)
        .onFailure(e -> {
          if (!ctx.response().ended()) {
            json(ctx, 400, error("not a WebSocket upgrade: " + e.getMessage()));
          }
        });
  }

  private void health(RoutingContext ctx) {
    health.check().onSuccess(status -> ctx.response()
        .setStatusCode("up".equals(status.getString("status")) ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .end(status.encode()));
  }

  private void listJobs(RoutingContext ctx) {
    Predicate<JobSummary> filter = matches(ctx.queryParams().get("tag"), JobSummary::tag)
        .and(matches(ctx.queryParams().get("experiment"), JobSummary::experiment))
        .and(matches(ctx.queryParams().get("state"), JobSummary::state));
    List<JobSummary> jobs = store.summaries().stream().filter(filter).toList();
    json(ctx, 200, EventCodec.toJson(jobs));
  }

  private static Predicate<JobSummary> matches(String wanted,
      Function<JobSummary, String> field) {
    return wanted == null || wanted.isBlank() ? s -> true
        : s -> Objects.equals(wanted, field.apply(s));
  }

  private void getJob(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    store.job(id).ifPresentOrElse(job -> {
      StringBuilder body = new StringBuilder(64 * 1024);
      body.append("{\"job\":").append(EventCodec.toJson(job.summary()));
      CropPreview crop = job.crop();
      if (crop != null) {
        CropGeometry g = crop.geometry();
        ObjectNode geometry = EventCodec.mapper().createObjectNode()
            .put("url", "/api/jobs/" + id + "/crop.jpg")
            .put("originalWidth", g.originalWidth())
            .put("originalHeight", g.originalHeight())
            .put("scaleX", (double) g.resizedWidth() / g.originalWidth())
            .put("scaleY", (double) g.resizedHeight() / g.originalHeight())
            .put("left", g.cropLeft())
            .put("top", g.cropTop())
            .put("size", g.cropWidth());
        body.append(",\"crop\":").append(geometry);
      }
      body.append(",\"events\":[").append(String.join(",", job.events())).append("]}");
      json(ctx, 200, body.toString());
    }, () -> json(ctx, 404, error("no job '" + id + "'")));
  }

  private void getCrop(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    CropPreview crop = store.job(id).map(StoredJob::crop).orElse(null);
    if (crop == null) {
      json(ctx, 404, error("no image for job '" + id + "'"));
      return;
    }
    ctx.response().putHeader("Content-Type", "image/jpeg")
        .putHeader("Cache-Control", "max-age=3600").end(Buffer.buffer(crop.jpeg()));
  }

  private void aggregates(RoutingContext ctx) {
    ArrayNode out = EventCodec.mapper().createArrayNode();
    store.aggregates().forEach((key, value) -> {
      ObjectNode entry = out.addObject().put("key", key);
      try {
        entry.set("value", EventCodec.mapper().readTree(value));
      } catch (Exception e) {
        entry.put("value", value);
      }
    });
    json(ctx, 200, out.toString());
  }

  private void submit(RoutingContext ctx) {
    List<FileUpload> uploads = ctx.fileUploads();
    FileUpload image = uploads.stream().filter(u -> "image".equals(u.name())).findFirst()
        .orElse(uploads.isEmpty() ? null : uploads.get(0));
    if (image == null) {
      json(ctx, 400, error("no image: attach an image file in the 'image' field"));
      return;
    }
    if (image.size() > settings.maxUploadBytes()) {
      json(ctx, 413, error("image larger than " + settings.maxUploadBytes() + " bytes"));
      return;
    }
    String options = ctx.request().getFormAttribute("options");
    vertx.fileSystem().readFile(image.uploadedFileName())
        .onFailure(e -> json(ctx, 500, error("could not read the upload: " + e.getMessage())))
        .onSuccess(bytes -> {
          JobEvent job;
          try {
            job = parser.parse(bytes.getBytes(), image.fileName(), options,
                System.currentTimeMillis());
          } catch (JobRequestParser.BadJobRequest e) {
            json(ctx, 400, error(e.getMessage()));
            return;
          }
          publisher.publish(job)
              .onSuccess(id -> json(ctx, 202, EventCodec.mapper().createObjectNode()
                  .put("jobId", id).toString()))
              .onFailure(e -> json(ctx, 503, error("Kafka did not take the job: "
                  + e.getMessage())));
        });
  }

  private static String error(String message) {
    return EventCodec.mapper().createObjectNode().put("error", message).toString();
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body);
  }
}
