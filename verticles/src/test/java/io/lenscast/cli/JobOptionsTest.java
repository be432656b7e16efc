package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.JobEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
  private static JobEvent job(String... args) {
    ParsedOptions o = JobOptions.declare(new OptionParser("test")).parse(List.of(args));
    return JobOptions.toJob(o, null, null, null);
  }

  @Test
  void theLensIsAskedForUnlessNoLensIsGiven() {
    assertEquals(7, job("--task", "describe", "--top-k", "7").analyses().logitLens().topK());
    JobEvent.Analyses a = job("--task", "describe", "--no-lens", "--ablate", "none").analyses();
    assertNull(a.logitLens());
    assertEquals(List.of("none"), a.ablation().conditions());
    assertTrue(!JobEvent.Analyses.wantLens(a), "the worker skips the lens for it");
  }

  @Test
  void noLensAloneOrWithATopKIsRefusedWithTheReason() {
    UsageException alone = assertThrows(UsageException.class,
        () -> job("--task", "describe", "--no-lens"));
    assertTrue(alone.getMessage().contains("needs --ablate, --knockout or --generate"),
        alone.getMessage());
    UsageException topK = assertThrows(UsageException.class,
        () -> job("--task", "describe", "--no-lens", "--generate", "4", "--top-k", "3"));
    assertTrue(topK.getMessage().contains("--top-k"), topK.getMessage());
  }
}
