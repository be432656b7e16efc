package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.config.LenscastConfig;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.kafka.TestBroker;
import io.lenscast.testing.Jobs;
import io.lenscast.testing.TopicCollector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {
  @TempDir
  static Path tmp;
  @RegisterExtension
  static final TestBroker broker = TestBroker.perClass();

  @Test
  void publishesOneSchemaValidJobPerImageInTheFolderAndPrintsTheirIds() throws Exception {
    LenscastConfig c = broker.configWithTopics();
    Path config = tmp.resolve("c.json");
    Files.writeString(config, c.toJson());
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int rc;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      rc = Main.run(new String[] {"publish", "--config", config.toString(), "--bootstrap",
          broker.bootstrap(), "--dir", Jobs.IMAGES.toString(), "--limit", "2", "--task",
          "polling", "--class", "circle", "--object", "circle", "--bbox", "10,20,30,40",
          "--ablate", "object_b1", "--ablate", "none", "--experiment", "e1", "--rate", "50/s"});
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, rc);
    List<String> ids = Arrays.asList(captured.toString(StandardCharsets.UTF_8).trim()
        .split("\\R"));
    assertEquals(2, ids.size());
    try (TopicCollector jobs = new TopicCollector(broker.bootstrap(),
        List.of(c.kafka().topics().jobs()))) {
      var records = jobs.until(rs -> rs.size() >= 2, Duration.ofSeconds(30), "two jobs");
      for (var r : records) {
        assertTrue(ids.contains(r.key()));
        JobEvent job = EventCodec.fromJson(new String(r.value(), StandardCharsets.UTF_8),
            JobEvent.class);
        assertEquals(r.key(), job.jobId());
        assertEquals("polling", job.task());
        assertEquals("circle", job.className());
        assertEquals(List.of("object_b1", "none"), job.analyses().ablation().conditions());
        assertEquals("e1", job.experiment());
        assertTrue(Base64.getDecoder().decode(job.image().base64()).length > 100);
        assertEquals(List.of(), new io.lenscast.schema.EventSchemas().problems(
            new io.vertx.core.json.JsonObject(new String(r.value(), StandardCharsets.UTF_8))));
      }
    }
  }

  @Test
  void cocoPublishesOnlyImagesThePaperFilterKeepsWithTheirClassAndObject() throws Exception {
    LenscastConfig c = broker.configWithTopics();
    Path config = tmp.resolve("coco-config.json");
    Files.writeString(config, c.toJson());
    Path images = Files.createDirectories(tmp.resolve("coco-images"));
    Files.copy(Jobs.IMG0, images.resolve("a.png"));
    Files.copy(Jobs.IMG0, images.resolve("b.png"));
    Path instances = tmp.resolve("instances.json");
    Files.writeString(instances, """
        {"images": [{"id": 1, "file_name": "a.png", "width": 500, "height": 375},
                    {"id": 2, "file_name": "b.png", "width": 500, "height": 375}],
         "annotations": [
          {"segmentation": [[100, 100, 150, 100, 150, 140, 100, 140]], "area": 1500,
           "iscrowd": 0, "image_id": 1, "bbox": [100, 100, 50, 40], "category_id": 18, "id": 1},
          {"segmentation": [[1,1,2,1,2,2]], "area": 1500, "iscrowd": 0, "image_id": 2,
           "bbox": [1,1,1,1], "category_id": 18, "id": 2},
          {"segmentation": [[1,1,2,1,2,2]], "area": 1, "iscrowd": 0, "image_id": 2,
           "bbox": [1,1,1,1], "category_id": 17, "id": 3},
          {"segmentation": [[1,1,2,1,2,2]], "area": 1, "iscrowd": 0, "image_id": 2,
           "bbox": [1,1,1,1], "category_id": 17, "id": 4},
          {"segmentation": [[1,1,2,1,2,2]], "area": 1, "iscrowd": 0, "image_id": 2,
           "bbox": [1,1,1,1], "category_id": 17, "id": 5}],
         "categories": [{"id": 17, "name": "cat"}, {"id": 18, "name": "dog"}]}
        """);
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int rc;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      rc = Main.run(new String[] {"publish", "--config", config.toString(), "--coco",
          instances.toString(), "--images", images.toString(), "--filter", "paper-ablation",
          "--task", "polling", "--ablate", "object_b1"});
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, rc);
    String id = captured.toString(StandardCharsets.UTF_8).trim();
    try (TopicCollector jobs = new TopicCollector(broker.bootstrap(),
        List.of(c.kafka().topics().jobs()))) {
      var r = jobs.until(rs -> !rs.isEmpty(), Duration.ofSeconds(30), "the job").get(0);
      JobEvent job = EventCodec.fromJson(new String(r.value(), StandardCharsets.UTF_8),
          JobEvent.class);
      assertEquals(id, job.jobId());
      assertEquals("dog", job.className());
      assertEquals("a.png", job.image().name());
      assertEquals("dog", job.objects().get(0).label());
      assertEquals(8, job.objects().get(0).polygons().get(0).length);
    }
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, Main.run(new String[] {"publish", "--task", "describe"}));
    assertEquals(2, Main.run(new String[] {"publish", Jobs.IMG0.toString()}));
    assertEquals(2, Main.run(new String[] {"publish", Jobs.IMG0.toString(), "--task",
        "describe", "--rate", "fast"}));
    assertEquals(2, Main.run(new String[] {"publish", Jobs.IMG0.toString(), "--prompt",
        "no image token"}));
  }
}
