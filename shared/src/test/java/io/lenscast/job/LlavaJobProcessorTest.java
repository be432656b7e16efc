package io.lenscast.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.events.Event;
import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.Schemas;
import io.lenscast.io.Npy;
import io.lenscast.model.ModelOptions;
import io.lenscast.model.hooks.HookPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The job processor end to end on the fixture model: real decoding, preprocessing, tokenizer and
 * engine, compared with the transformers goldens; and every bad input mapped to its error code.
 */
class LlavaJobProcessorTest {
  private static final Path FIXTURES = Path.of("fixtures");
  private static final String P0 = "USER: <image>\nWhat is shown in this image? ASSISTANT:";
  private static final String P1 =
      "USER: <image>\nIs there a red circle in the image? Answer yes or no. ASSISTANT:";

  private static LlavaJobProcessor processor;
  private static JsonNode manifest;
  private static final RecordingStage STAGE = new RecordingStage();

  @BeforeAll
  static void open() throws Exception {
    processor = LlavaJobProcessor.open(FIXTURES.resolve("tiny-llava-a"), ModelOptions.cpu(),
        ProcessorSettings.defaults(), List.of(STAGE));
    manifest = new ObjectMapper().readTree(FIXTURES.resolve("golden/manifest.json").toFile());
  }

  @AfterAll
  static void close() {
    processor.close();
  }

  @ParameterizedTest
  @CsvSource({"img0, p0, img0_shapes_500x375.png", "img1, p1, img1_shapes_300x420.png",
      "img2, p0, img2_grace_hopper_512x600.jpg"})
  void streamsEveryLayersLensMatchingTheGoldenTop5ThenTheResult(
      String img, String p, String file) throws Exception {
    List<Event> events = run(job(p.equals("p0") ? P0 : P1, null), file);
    String record = "tiny-llava-a__" + img + "__" + p;
    int[] golden = Npy.read(FIXTURES.resolve("golden/" + record + "__lens_top5_ids.npy"))
        .toInts();
    assertEquals(6, events.size());
    for (int l = 0; l < 5; l++) {
      LayerEvent e = assertInstanceOf(LayerEvent.class, events.get(l));
      assertEquals(l, e.layer());
      assertEquals(5, e.numLayers());
      assertEquals(5, e.imageStart());
      assertArrayEquals(new int[] {24, 24}, e.grid());
      assertEquals(577, e.positions().length);
      assertEquals(5, e.positions()[0]);
      assertEquals(580, e.positions()[575]);
      for (int row = 0; row < 577; row++) {
        int[] want = Arrays.copyOfRange(golden, (l * 577 + row) * 5, (l * 577 + row) * 5 + 5);
        assertArrayEquals(want, e.topk().ids()[row], record + " layer " + l + " row " + row);
        assertEquals(processor.tokenizer().vocabulary().piece(want[0]), e.topk().tokens()[row][0]);
      }
    }
    ResultEvent result = assertInstanceOf(ResultEvent.class, events.get(5));
    JsonNode rec = manifest.get("records").get(record);
    assertArrayEquals(new ObjectMapper().convertValue(rec.get("input_ids"), int[].class),
        result.inputIds());
    assertEquals(5, result.imageStart());
    for (int j = 0; j < 5; j++) {
      assertEquals(rec.get("top10_ids").get(j).asInt(), result.lastTopK().ids()[j]);
    }
    assertNull(result.generated());
    assertEquals("tiny-llava-a", result.model().name());
    assertEquals("float32", result.model().dtype());
    assertEquals("cpu", result.model().device());
    assertEquals(64, result.model().configSha256().length());
    for (String stage : List.of("preprocess", "tokenize", "vision", "projector", "decoder", "lens",
        "total")) {
      assertTrue(result.timings().get(stage) >= 0, stage + " in " + result.timings());
    }
  }

  @Test
  void emitsEachLayerFromInsideTheForwardPassNotAfterIt() throws Exception {
    List<Boolean> insideDecoder = new ArrayList<>();
    EventSink sink = e -> {
      if (e instanceof LayerEvent) {
        insideDecoder.add(Arrays.stream(Thread.currentThread().getStackTrace())
            .anyMatch(f -> f.getClassName().endsWith("LlamaDecoder")));
      }
    };
    processor.process(job(P0, null), image("img0_shapes_500x375.png"), sink);
    assertEquals(List.of(true, true, true, true, true), insideDecoder);
  }

  @Test
  void generatesTheGoldenGreedyTokensWhenAsked() throws Exception {
    JobEvent job = withAnalyses(job(P0, null), new JobEvent.Analyses(null, null, null,
        new JobEvent.Generate(8)));
    List<Event> events = run(job, "img1_shapes_300x420.png");
    ResultEvent result = (ResultEvent) events.get(events.size() - 1);
    int[] want = new ObjectMapper().convertValue(manifest.get("records")
        .get("tiny-llava-a__img1__p0").get("generate_new_tokens"), int[].class);
    assertArrayEquals(want, result.generated().ids());
    assertEquals(processor.tokenizer().decode(want), result.generated().text());
    assertTrue(result.timings().get("generate") > 0);
  }

  @Test
  void runsAnalysisStagesAfterTheLensWithTheirCapturesAndBeforeTheResult() throws Exception {
    JobEvent job = new JobEvent(Schemas.JOB, 1, "job-stage", null, null, "polling", "circle",
        null, null, new JobEvent.Analyses(new JobEvent.LogitLens(3), null, null, null), null,
        "stage-test", null, null);
    List<Event> events = new ArrayList<>();
    STAGE.seen = null;
    STAGE.events = events;
    processor.process(job, image("img0_shapes_500x375.png"), events::add);
    assertNotNull(STAGE.seen);
    assertEquals(5, STAGE.eventsBefore);
    assertArrayEquals(new long[] {1, 576, 64}, STAGE.projectorShape);
    assertEquals(3, STAGE.seen.topK());
    assertEquals(3, ((LayerEvent) events.get(0)).topk().ids()[0].length);
    assertTrue(((ResultEvent) events.get(events.size() - 1)).timings().containsKey("recording"));
  }

  @Test
  void mapsBadInputsToTheirErrorCodes() throws Exception {
    byte[] png = image("img0_shapes_500x375.png");
    assertCode(JobFailedException.BAD_IMAGE, job(P0, null), Arrays.copyOf(png, 100));
    assertCode(JobFailedException.BAD_IMAGE, job(P0, null), "not an image".getBytes());
    assertCode(JobFailedException.BAD_PROMPT, job("USER: hi ASSISTANT:", null), png);
    assertCode(JobFailedException.BAD_PROMPT, job("<image> and <image>", null), png);
    assertCode(JobFailedException.PROMPT_TOO_LONG,
        job("<image> " + "many words ".repeat(2000), null), png);
    assertCode(JobFailedException.BAD_JOB, job(P0, "describe"), png);
    assertCode(JobFailedException.BAD_JOB, job(null, null), png);
    assertCode(JobFailedException.BAD_PROMPT, job(null, "polling"), png);
    assertCode(JobFailedException.BAD_PROMPT, job(null, "summarise"), png);
    assertCode(JobFailedException.BAD_ANALYSIS, withAnalyses(job(P0, null),
        new JobEvent.Analyses(new JobEvent.LogitLens(0), null, null, null)), png);
    assertCode(JobFailedException.BAD_ANALYSIS, withAnalyses(job(P0, null),
        new JobEvent.Analyses(null, null, null, new JobEvent.Generate(100_000))), png);
  }

  @Test
  void refusesImagesOverThePixelLimitAsImageTooLarge() throws Exception {
    try (LlavaJobProcessor small = LlavaJobProcessor.open(FIXTURES.resolve("tiny-llava-a"),
        ModelOptions.cpu(), new ProcessorSettings(100_000, 2048, 5, 100, 16), List.of())) {
      JobFailedException e = assertThrows(JobFailedException.class,
          () -> small.process(job(P0, null), image("img0_shapes_500x375.png"), ev -> { }));
      assertEquals(JobFailedException.IMAGE_TOO_LARGE, e.code());
      assertTrue(e.getMessage().contains("500x375"));
    }
  }

  @Test
  void refusesAnalysesNoStageRunsInsteadOfSilentlySkippingThem() throws Exception {
    JobEvent ablate = withAnalyses(job(P0, null), new JobEvent.Analyses(null,
        new JobEvent.Ablation(List.of("object_b1"), 1, 0L, null, null), null, null));
    assertCode(JobFailedException.BAD_ANALYSIS, ablate, image("img0_shapes_500x375.png"));
  }

  @Test
  void refusesThinImagesWhoseResizeWouldExceedThePixelLimit() throws Exception {
    java.awt.image.BufferedImage thin =
        new java.awt.image.BufferedImage(1, 2000, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(thin, "png", png);
    assertCode(JobFailedException.IMAGE_TOO_LARGE, job(P0, null), png.toByteArray());
  }

  private static void assertCode(String code, JobEvent job, byte[] bytes) {
    List<Event> events = new ArrayList<>();
    JobFailedException e = assertThrows(JobFailedException.class,
        () -> processor.process(job, bytes, events::add));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(events.isEmpty(), "no events for a refused job");
    assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
  }

  private static List<Event> run(JobEvent job, String file) throws Exception {
    List<Event> events = new ArrayList<>();
    processor.process(job, image(file), events::add);
    return events;
  }

  private static byte[] image(String file) throws Exception {
    return Files.readAllBytes(FIXTURES.resolve("images").resolve(file));
  }

  static JobEvent job(String prompt, String task) {
    return new JobEvent(Schemas.JOB, 1, "job-1", null, prompt, task, null, null, null, null,
        null, null, null, null);
  }

  static JobEvent withAnalyses(JobEvent j, JobEvent.Analyses analyses) {
    return new JobEvent(j.schema(), j.version(), j.jobId(), j.image(), j.prompt(), j.task(),
        j.className(), j.question(), j.objects(), analyses, j.model(), j.experiment(), j.tag(),
        j.submittedAtMs());
  }

  /** A stage that applies to jobs tagged "stage-test" and records what it was given. */
  static final class RecordingStage implements AnalysisStage {
    JobContext seen;
    List<Event> events = List.of();
    int eventsBefore;
    long[] projectorShape;

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public boolean appliesTo(JobEvent job) {
      return "stage-test".equals(job.experiment());
    }

    @Override
    public Set<HookPoint> captures() {
      return Set.of(HookPoint.PROJECTOR_OUT);
    }

    @Override
    public void run(JobContext context, EventSink sink) {
      seen = context;
      projectorShape = context.baseline().capture(HookPoint.PROJECTOR_OUT).getShape().getShape();
      eventsBefore = events.size();
    }
  }
}
