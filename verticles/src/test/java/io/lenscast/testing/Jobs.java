package io.lenscast.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Job messages for tests, built around the fixture images. */
public final class Jobs {
  public static final Path IMAGES = Path.of("../shared/fixtures/images");
  public static final Path IMG0 = IMAGES.resolve("img0_shapes_500x375.png");

  private Jobs() {}

  public static String base64(Path image) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(image));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A describe job on img0 with a small logit lens, as a user would publish it. */
  public static String describe(String jobId) {
    return describe(jobId, base64(IMG0), null);
  }

  public static String describe(String jobId, String imageBase64, String model) {
    return "{\"schema\":\"lenscast.job\",\"version\":1"
        + (jobId == null ? "" : ",\"jobId\":\"" + jobId + "\"")
        + ",\"image\":{\"base64\":\"" + imageBase64 + "\"},\"task\":\"describe\""
        + (model == null ? "" : ",\"model\":\"" + model + "\"")
        + ",\"analyses\":{\"logitLens\":{\"topK\":3}}}";
  }

  /**
   * A job long enough to be interrupted: the logit lens, then many ablation conditions and a
   * short generation, each its own forward pass.
   */
  public static String heavy(String jobId) {
    StringBuilder conditions = new StringBuilder("\"none\"");
    for (int n = 1; n <= 40; n++) {
      conditions.append(",\"random_").append(n).append('"');
    }
    return "{\"schema\":\"lenscast.job\",\"version\":1,\"jobId\":\"" + jobId + "\""
        + ",\"image\":{\"base64\":\"" + base64(IMG0) + "\"},\"task\":\"polling\""
        + ",\"class\":\"circle\",\"analyses\":{\"logitLens\":{\"topK\":3},"
        + "\"ablation\":{\"conditions\":[" + conditions + "],\"seed\":0},"
        + "\"generate\":{\"maxNewTokens\":16}}}";
  }

  /** A polling job about the fixture's object with one ablation condition, in an experiment. */
  public static String ablation(String jobId, String experiment) {
    return "{\"schema\":\"lenscast.job\",\"version\":1,\"jobId\":\"" + jobId + "\""
        + ",\"image\":{\"base64\":\"" + base64(IMG0) + "\"},\"task\":\"polling\""
        + ",\"class\":\"circle\",\"objects\":[{\"label\":\"circle\","
        + "\"bbox\":[100,80,160,120]}],\"experiment\":\"" + experiment + "\""
        + ",\"analyses\":{\"logitLens\":{\"topK\":3},"
        + "\"ablation\":{\"conditions\":[\"object_b1\"],\"buffer\":1,\"seed\":0}}}";
  }

  public static String withPrompt(String jobId, String prompt) {
    return "{\"schema\":\"lenscast.job\",\"version\":1,\"jobId\":\"" + jobId + "\""
        + ",\"image\":{\"base64\":\"" + base64(IMG0) + "\"},\"prompt\":\"" + prompt + "\"}";
  }
}
