package io.lenscast.cli;

import io.lenscast.analysis.dataset.CleanQuestions;
import io.lenscast.analysis.dataset.CocoSelection;
import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.analysis.dataset.PaperFilters;
import io.lenscast.config.LenscastConfig;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.kafka.KafkaClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code ./lenscast publish}: one job per image (files, a folder, or the COCO images a paper
 * filter keeps, with their class and objects) on the jobs topic, keyed by a fresh jobId, the
 * image inline as base64, the job options as for {@code analyze}; optional rate limit; a
 * progress bar on stderr and the job ids on stdout.
 */
public final class PublishCommand implements Command {
  @Override
  public String name() {
    return "publish";
  }

  @Override
  public String summary() {
    return "publish image jobs to Kafka (files, --dir) with a progress bar; prints job ids";
  }

  private static OptionParser parser() {
    OptionParser p = ConfigOptions.declare(new OptionParser("publish")).positional()
        .option("--bootstrap", "HOST:PORT", "Kafka to publish to (default: from config)")
        .option("--dir", "DIR", "publish every image in DIR")
        .option("--coco", "INSTANCES.json", "publish the COCO images a paper filter keeps")
        .option("--images", "DIR", "folder of the --coco images")
        .option("--filter", "paper-ablation|paper-lens", "COCO filter (default paper-ablation)")
        .option("--questions", "FILE.json", "clean VQA questions; keeps images that have one")
        .option("--limit", "N", "publish at most N jobs")
        .option("--rate", "N", "at most N jobs per second")
        .option("--model", "NAME", "model name as configured on the workers")
        .option("--experiment", "NAME", "experiment the aggregates group jobs by")
        .option("--tag", "TAG", "tag the aggregates group jobs by");
    return JobOptions.declare(p);
  }

  @Override
  public int run(List<String> args) throws Exception {
    ParsedOptions o = parser().parse(args);
    LenscastConfig config = ConfigOptions.load(o);
    List<PublishItem> images = items(o);
    JobEvent template = JobOptions.toJob(o, o.get("--model"), o.get("--experiment"),
        o.get("--tag"));
    double rate = rate(o.get("--rate"));
    KafkaClients clients = new KafkaClients(config.kafka());
    var props = clients.common();
    if (o.has("--bootstrap")) {
      props.put("bootstrap.servers", o.get("--bootstrap"));
    }
    String topic = config.kafka().topics().jobs();
    ProgressBar bar = new ProgressBar(System.err, images.size());
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(withProducerDefaults(
        props), new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      long start = System.nanoTime();
      for (int i = 0; i < images.size(); i++) {
        if (rate > 0) {
          long due = start + (long) (i / rate * 1e9);
          while (System.nanoTime() < due) {
            LockSupport.parkNanos(due - System.nanoTime());
          }
        }
        String jobId = UUID.randomUUID().toString();
        PublishItem item = images.get(i);
        String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(item.image()));
        byte[] value = EventCodec.toBytes(item.job(template, jobId, b64));
        sends.add(producer.send(new ProducerRecord<>(topic, jobId, value), (md, e) -> {
          if (e == null) {
            bar.step();
          }
        }));
        System.out.println(jobId);
      }
      producer.flush();
      for (Future<RecordMetadata> f : sends) {
        f.get();
      }
    }
    return 0;
  }

  private static java.util.Properties withProducerDefaults(java.util.Properties p) {
    p.putIfAbsent("acks", "all");
    p.putIfAbsent("max.request.size", String.valueOf(16 * 1024 * 1024));
    p.putIfAbsent("delivery.timeout.ms", "60000");
    p.putIfAbsent("max.block.ms", "15000");
    return p;
  }

  private static List<PublishItem> items(ParsedOptions o) throws IOException {
    List<PublishItem> images = new ArrayList<>();
    if (o.has("--dir") || o.has("--coco")) {
      o.exactlyOneOf("--dir", "--coco");
      if (!o.positional().isEmpty()) {
        throw new UsageException("give image files, --dir or --coco, only one of them");
      }
    }
    if (o.has("--dir")) {
      ImageFolder.list(o.existingDirectory("--dir"))
          .forEach(p -> images.add(PublishItem.plain(p)));
    } else if (o.has("--coco")) {
      images.addAll(coco(o));
    } else {
      for (String f : o.positional()) {
        Path p = Path.of(f);
        if (!Files.isRegularFile(p)) {
          throw new UsageException("image not found: " + f);
        }
        images.add(PublishItem.plain(p));
      }
    }
    if (images.isEmpty()) {
      throw new UsageException("no images to publish (give IMAGE... or --dir DIR)");
    }
    int limit = o.intValue("--limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    return images.subList(0, Math.min(limit, images.size()));
  }

  private static List<PublishItem> coco(ParsedOptions o) throws IOException {
    Path instances = o.existingFile("--coco");
    Path dir = o.existingDirectory("--images");
    String filter = o.get("--filter") == null ? PaperFilters.PAPER_ABLATION : o.get("--filter");
    if (!List.of(PaperFilters.PAPER_ABLATION, PaperFilters.PAPER_LENS).contains(filter)) {
      throw new UsageException("--filter must be paper-ablation or paper-lens, got '" + filter
          + "'");
    }
    CleanQuestions questions = o.has("--questions")
        ? CleanQuestions.load(o.existingFile("--questions")) : null;
    List<PublishItem> items = new ArrayList<>();
    for (LabeledImage image : CocoSelection.select(instances, dir, filter, questions)) {
      if (Files.isRegularFile(image.path())) {
        items.add(PublishItem.of(image));
      }
    }
    return items;
  }

  private static double rate(String text) {
    if (text == null) {
      return 0;
    }
    String t = text.endsWith("/s") ? text.substring(0, text.length() - 2) : text;
    try {
      double r = Double.parseDouble(t);
      if (r <= 0) {
        throw new NumberFormatException();
      }
      return r;
    } catch (NumberFormatException e) {
      throw new UsageException("--rate must be a positive number of jobs per second, got '"
          + text + "'");
    }
  }
}
