package io.lenscast.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenscast.events.JobEvent;
import io.lenscast.job.JobFailedException;
import io.lenscast.testing.Jobs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageResolverTest {
  @TempDir
  Path tmp;

  private ImageResolver resolver(long maxBytes, long maxPixels) throws Exception {
    Path allowed = Files.createDirectories(tmp.resolve("allowed"));
    Files.copy(Jobs.IMG0, allowed.resolve("img0.png"));
    return new ImageResolver(allowed, maxBytes, maxPixels);
  }

  private static JobEvent.ImageRef path(String p) {
    return new JobEvent.ImageRef(null, p, null);
  }

  private static String code(ImageResolver r, JobEvent.ImageRef ref) {
    return assertThrows(JobFailedException.class, () -> r.resolve(ref)).code();
  }

  @Test
  void base64AndPathInsideTheFolderGiveTheSameBytes() throws Exception {
    ImageResolver r = resolver(1 << 24, 1 << 24);
    byte[] expected = Files.readAllBytes(Jobs.IMG0);
    assertArrayEquals(expected, r.resolve(new JobEvent.ImageRef(Jobs.base64(Jobs.IMG0), null,
        null)));
    assertArrayEquals(expected, r.resolve(path("img0.png")));
  }

  @Test
  void traversalAndAbsolutePathsOutsideTheFolderAreRefused() throws Exception {
    ImageResolver r = resolver(1 << 24, 1 << 24);
    Files.writeString(tmp.resolve("secret.png"), "x");
    assertEquals("bad_image", code(r, path("../secret.png")));
    assertEquals("bad_image", code(r, path(tmp.resolve("secret.png").toString())));
  }

  @Test
  void symlinkLeadingOutsideIsRefused() throws Exception {
    ImageResolver r = resolver(1 << 24, 1 << 24);
    Files.copy(Jobs.IMG0, tmp.resolve("outside.png"));
    Files.createSymbolicLink(tmp.resolve("allowed/link.png"), tmp.resolve("outside.png"));
    assertEquals("bad_image", code(r, path("link.png")));
  }

  @Test
  void corruptBytesAreABadImage() throws Exception {
    ImageResolver r = resolver(1 << 24, 1 << 24);
    assertEquals("bad_image", code(r, new JobEvent.ImageRef("bm90IGFuIGltYWdl", null, null)));
    assertEquals("bad_image", code(r, new JobEvent.ImageRef("%%%not-base64", null, null)));
  }

  @Test
  void imageOverThePixelLimitIsRefusedFromItsHeader() throws Exception {
    ImageResolver r = resolver(1 << 24, 500L * 375 - 1);
    assertEquals("image_too_large", code(r, path("img0.png")));
  }

  @Test
  void imageOverTheByteLimitIsRefused() throws Exception {
    ImageResolver r = resolver(100, 1 << 24);
    assertEquals("image_too_large", code(r, path("img0.png")));
    assertEquals("image_too_large",
        code(r, new JobEvent.ImageRef(Jobs.base64(Jobs.IMG0), null, null)));
  }

  @Test
  void missingAllowedFolderDisablesPathJobs() {
    ImageResolver r = new ImageResolver(tmp.resolve("nope"), 1 << 24, 1 << 24);
    assertEquals("bad_image", code(r, path("img0.png")));
  }
}
