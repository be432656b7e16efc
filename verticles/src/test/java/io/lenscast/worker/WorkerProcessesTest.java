package io.lenscast.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.config.LenscastConfig;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.TestBroker;
import io.lenscast.launch.Platform;
import io.lenscast.launch.Role;
import io.lenscast.testing.Events;
import io.lenscast.testing.Jobs;
import io.lenscast.testing.TopicCollector;
import io.lenscast.testing.WorkerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers as separate processes on the real engine: a worker killed mid-job leaves the job to
 * another worker; two workers in one group share jobs, each done once; a broker restart under a
 * running worker does not lose its job.
 */
class WorkerProcessesTest {
  private static final Duration WAIT = Duration.ofSeconds(180);
  @TempDir
  static Path tmp;
  @RegisterExtension
  static final TestBroker broker = TestBroker.perClass();

  private static Path configFile(LenscastConfig c) throws Exception {
    Path file = tmp.resolve("config-" + UUID.randomUUID() + ".json");
    Files.writeString(file, c.toJson());
    return file;
  }

  private static TopicCollector statusOf(LenscastConfig c) {
    return new TopicCollector(broker.bootstrap(), List.of(c.kafka().topics().status()));
  }

  private static String workerOf(List<ConsumerRecord<String, byte[]>> rs, String id,
      String state) {
    return Events.statuses(rs, id).stream().filter(s -> s.state().equals(state))
        .map(StatusEvent::worker).findFirst().orElse(null);
  }

  @Test
  void jobOfAWorkerKilledMidJobIsCompletedByAnotherWorker() throws Exception {
    LenscastConfig c = broker.configWithTopics();
    Path config = configFile(c);
    String id = "kill-" + UUID.randomUUID();
    try (TopicCollector status = statusOf(c);
        WorkerProcess a = WorkerProcess.start(config, tmp.resolve("a-" + id + ".log"));
        KafkaProducer<String, byte[]> producer = new KafkaClients(c.kafka()).producer("t")) {
      a.awaitRunning(WAIT);
      producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), id,
          Jobs.heavy(id).getBytes(StandardCharsets.UTF_8))).get();
      status.until(rs -> Events.statuses(rs, id).stream()
          .anyMatch(s -> s.progress() != null), WAIT, "the job running on worker A");
      a.kill();
      assertFalse(Events.finished(status.records(), id),
          "the job finished before the kill; it is too short for this test");

      try (WorkerProcess b = WorkerProcess.start(config, tmp.resolve("b-" + id + ".log"))) {
        b.awaitRunning(WAIT);
        var rs = status.until(r -> Events.finished(r, id), WAIT, "the job finished on B");
        assertEquals(StatusEvent.COMPLETED, Events.finalStatus(rs, id).orElseThrow().state());
        String by = workerOf(rs, id, StatusEvent.COMPLETED);
        assertTrue(by.startsWith(b.pid() + "@"), "completed by B, was " + by);
        assertTrue(workerOf(rs, id, StatusEvent.ACCEPTED).startsWith(a.pid() + "@"),
            "first accepted by A");
      }
    }
  }

  @Test
  void sigtermLetsTheRunningJobFinishThenLeavesTheGroup() throws Exception {
    LenscastConfig c = broker.configWithTopics();
    String id = "term-" + UUID.randomUUID();
    try (TopicCollector status = statusOf(c);
        WorkerProcess w = WorkerProcess.start(configFile(c), tmp.resolve("term.log"));
        KafkaProducer<String, byte[]> producer = new KafkaClients(c.kafka()).producer("t");
        Admin admin = Admin.create(new KafkaClients(c.kafka()).common())) {
      w.awaitRunning(WAIT);
      producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), id,
          Jobs.heavy(id).getBytes(StandardCharsets.UTF_8))).get();
      status.until(rs -> Events.statuses(rs, id).stream()
          .anyMatch(s -> s.progress() != null), WAIT, "the job running");
      w.stopGracefully(WAIT);
      var rs = status.until(r -> Events.finished(r, id), Duration.ofSeconds(30),
          "the job's final status");
      assertEquals(StatusEvent.COMPLETED, Events.finalStatus(rs, id).orElseThrow().state(),
          w.log());
      assertTrue(w.log().contains("stopped cleanly"), w.log());
      assertEquals(0, admin.describeConsumerGroups(List.of(c.worker().groupId())).all()
          .get(10, TimeUnit.SECONDS).get(c.worker().groupId()).members().size(),
          "the worker left the group");
      assertEquals(1, admin.listConsumerGroupOffsets(c.worker().groupId())
          .partitionsToOffsetAndMetadata().get().values().stream()
          .mapToLong(o -> o.offset()).sum(), "the job's offset committed");
    }
  }

  @Test
  void twoWorkerProcessesInOneGroupShareTwentyJobsEachDoneOnce() throws Exception {
    LenscastConfig c = broker.configWithTopics();
    Path config = configFile(c);
    List<String> ids = new ArrayList<>();
    try (TopicCollector status = statusOf(c);
        WorkerProcess a = WorkerProcess.start(config, tmp.resolve("share-a.log"));
        WorkerProcess b = WorkerProcess.start(config, tmp.resolve("share-b.log"));
        KafkaProducer<String, byte[]> producer = new KafkaClients(c.kafka()).producer("t");
        Admin admin = Admin.create(new KafkaClients(c.kafka()).common())) {
      a.awaitRunning(WAIT);
      b.awaitRunning(WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (members(admin, c) < 2) {
        assertTrue(System.nanoTime() < deadline, "both workers in the group");
      }
      for (int i = 0; i < 20; i++) {
        String id = "share-" + i + "-" + UUID.randomUUID();
        ids.add(id);
        producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), i % 4, id,
            Jobs.describe(id).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
      var rs = status.until(r -> ids.stream().allMatch(id -> Events.finished(r, id)),
          Duration.ofSeconds(600), "all 20 jobs finished");
      Map<String, Integer> perWorker = new HashMap<>();
      for (String id : ids) {
        List<StatusEvent> done = Events.statuses(rs, id).stream()
            .filter(s -> s.state().equals(StatusEvent.COMPLETED)).toList();
        assertEquals(1, done.size(), id + " completed exactly once");
        perWorker.merge(done.get(0).worker().split("@")[0], 1, Integer::sum);
      }
      assertEquals(2, perWorker.size(), "both workers did jobs: " + perWorker);
      assertEquals(20, perWorker.values().stream().mapToInt(Integer::intValue).sum());
    }
  }

  private static int members(Admin admin, LenscastConfig c) throws Exception {
    return admin.describeConsumerGroups(List.of(c.worker().groupId())).all()
        .get(10, TimeUnit.SECONDS).get(c.worker().groupId()).members().stream()
        .filter(m -> !m.assignment().topicPartitions().isEmpty()).toList().size();
  }

  @Test
  void workerReconnectsAfterABrokerRestartAndFinishesItsJobs() throws Exception {
    LenscastConfig c = broker.configWithTopics();
    String first = "restart-1-" + UUID.randomUUID();
    String second = "restart-2-" + UUID.randomUUID();
    try (Platform worker = Platform.start(c, EnumSet.of(Role.WORKER), false,
            new EngineProcessors(c.worker()));
        KafkaProducer<String, byte[]> producer = new KafkaClients(c.kafka()).producer("t")) {
      try (TopicCollector status = statusOf(c)) {
        producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), first,
            Jobs.heavy(first).getBytes(StandardCharsets.UTF_8))).get();
        status.until(rs -> Events.statuses(rs, first).stream()
            .anyMatch(s -> s.progress() != null), WAIT, "first job running");
      }
      broker.kafka().close();
      broker.kafka().start();
      producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), second,
          Jobs.describe(second).getBytes(StandardCharsets.UTF_8))).get();
      try (TopicCollector status = statusOf(c)) {
        var rs = status.until(r -> Events.finished(r, first) && Events.finished(r, second),
            WAIT, "both jobs finished after the restart");
        assertEquals(StatusEvent.COMPLETED, Events.finalStatus(rs, first).orElseThrow().state());
        assertEquals(StatusEvent.COMPLETED,
            Events.finalStatus(rs, second).orElseThrow().state());
      }
    }
  }
}
