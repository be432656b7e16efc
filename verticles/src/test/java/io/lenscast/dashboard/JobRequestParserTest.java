package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.JobEvent;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JobRequestParserTest {
  private final JobRequestParser parser = new JobRequestParser();
  private final byte[] image = {1, 2, 3};

  private String reason(String options) {
    return assertThrows(JobRequestParser.BadJobRequest.class,
        () -> parser.parse(image, "x.png", options, 7L)).getMessage();
  }

  @Test
  void aFullUploadBecomesAJobWithInlineImageAndFreshId() throws Exception {
    JobEvent job = parser.parse(image, "cat.png", """
        {"prompt": "USER: <image>\\nWhat? ASSISTANT:", "objects": [{"label": "cat",
         "bbox": [1, 2, 30, 40]}], "analyses": {"logitLens": {"topK": 3},
         "ablation": {"conditions": ["object_b1"], "buffer": 1}}, "tag": "t", "experiment": "e",
         "jobId": "ignored"}""", 7L);
    assertNotNull(job.jobId());
    assertTrue(!job.jobId().equals("ignored"));
    assertArrayEquals(image, Base64.getDecoder().decode(job.image().base64()));
    assertEquals("cat.png", job.image().name());
    assertEquals("cat", job.objects().get(0).label());
    assertEquals(3, job.analyses().logitLens().topK());
    assertEquals("t", job.tag());
    assertEquals(7L, job.submittedAtMs());
  }

  @Test
  void aTaskWithItsClassIsAccepted() throws Exception {
    JobEvent job = parser.parse(image, null, "{\"task\": \"polling\", \"class\": \"dog\"}", 1L);
    assertEquals("polling", job.task());
    assertEquals("dog", job.className());
  }

  @Test
  void badOptionsAreRejectedWithAReason() {
    assertTrue(reason("{").startsWith("options are not JSON"));
    assertTrue(reason("[]").contains("JSON object"));
    assertTrue(reason("{}").contains("exactly one of 'prompt' or 'task'"));
    assertTrue(reason("{\"prompt\": \"no image here\"}").contains("exactly one <image>"));
    assertTrue(reason("{\"prompt\": \"<image><image>\"}").contains("found 2"));
    assertTrue(reason("{\"task\": \"dance\"}").contains("unknown task"));
    assertTrue(reason("{\"task\": \"vqa\"}").contains("needs a question"));
    assertTrue(reason("{\"task\": \"describe\", \"objects\": [{\"label\": \"x\", \"bbox\": [1,2,0,4]}]}")
        .contains("w, h > 0"));
    assertTrue(reason("{\"task\": \"describe\", \"analyses\": {\"logitLens\": {\"topK\": \"many\"}}}")
        .startsWith("options do not describe a job"));
  }

  @Test
  void anEmptyImageIsRejected() {
    assertThrows(JobRequestParser.BadJobRequest.class,
        () -> parser.parse(new byte[0], "x", "{\"task\": \"describe\"}", 1L));
  }
}
