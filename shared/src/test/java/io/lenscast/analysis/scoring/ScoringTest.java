package io.lenscast.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.text.PromptTemplates.Task;
import org.junit.jupiter.api.Test;

class ScoringTest {
  @Test
  void generativeIsACaseSensitiveSubstring() {
    assertTrue(Scoring.generative("cat", "A cat sits on a mat."));
    assertTrue(Scoring.generative("cat", "A cathedral."));
    assertFalse(Scoring.generative("cat", "A Cat sits."));
  }

  @Test
  void pollingLooksForYesInTheLowerCasedOutput() {
    assertTrue(Scoring.polling("Yes, there is."));
    assertTrue(Scoring.polling("eyes"));
    assertFalse(Scoring.polling("No."));
  }

  @Test
  void correctedVqaComparesTokenIds() {
    assertTrue(Scoring.vqa(6635, 6635));
    assertFalse(Scoring.vqa(2, 6635));
  }

  @Test
  void referenceVqaIsAReversedStartsWithSoAnEmptyAnswerCountsAsCorrect() {
    assertTrue(Scoring.vqaReference("", "▁cat"));
    assertTrue(Scoring.vqaReference(" ", "▁cat"));
    assertTrue(Scoring.vqaReference("ca", "▁cat"));
    assertTrue(Scoring.vqaReference(" Cat", "▁cat"));
    assertFalse(Scoring.vqaReference("cats", "▁cat"));
    assertFalse(Scoring.vqaReference("dog", "▁cat"));
  }

  @Test
  void vqaScoreRecordsBothScoringsWhereTheyDisagree() {
    // EOS (id 2) decodes to "" with special tokens skipped: reference says correct
    assertEquals(new Score(false, true), Scoring.score(Task.VQA, "cat", "", 2, 6635, "▁cat"));
    assertEquals(new Score(true, true),
        Scoring.score(Task.VQA, "cat", "cat", 6635, 6635, "▁cat"));
    assertEquals(Score.UNSCORED, Scoring.score(Task.VQA, null, "cat", 6635, 6635, "▁cat"));
    assertEquals(new Score(true, true),
        Scoring.score(Task.POLLING, "cat", "Yes", 0, 0, null));
  }

  @Test
  void theLensPromptIsNeverScored() {
    assertEquals(Score.UNSCORED, Scoring.score(Task.LENS, "cat", "cat", 1, 1, "cat"));
  }
}
