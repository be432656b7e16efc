package io.lenscast.analysis.scoring;

import io.lenscast.text.PromptTemplates.Task;
import java.util.Locale;

/**
 * The paper's correctness tests. Generative and polling are the reference's own (they have no
 * bug, so both scorings agree). VQA is corrected: the argmax next token must BE the class's
 * first sub-token; the reference's test ({@code first_token.startswith(answer)}, PAPER.md bug
 * 2) is reversed, so an empty answer (EOS or any special token, decoded with
 * {@code skip_special_tokens}) or any prefix of the class token counts as correct. It is
 * recorded beside the corrected one.
 */
public final class Scoring {
  private Scoring() {}

  /** Generative: the class name is a case-sensitive substring of the decoded output. */
  public static boolean generative(String className, String output) {
    return output.contains(className);
  }

  /** Polling: "yes" appears in the lower-cased output. */
  public static boolean polling(String output) {
    return output.toLowerCase(Locale.ROOT).contains("yes");
  }

  /** VQA, corrected: argmax next-token id equals the class's first sub-token id. */
  public static boolean vqa(int argmaxId, int classFirstTokenId) {
    return argmaxId == classFirstTokenId;
  }

  /**
   * VQA as the reference scores it: strip and lower-case the decoded argmax token, strip the
   * word-boundary marks ({@code Ġ}, {@code ▁}) off the class's first sub-token, and test
   * whether the CLASS TOKEN starts with the ANSWER.
   *
   * @param decodedAnswer the argmax token decoded with special tokens skipped
   * @param classFirstPiece the class's first sub-token as the tokenizer spells it (e.g. ▁cat)
   */
  public static boolean vqaReference(String decodedAnswer, String classFirstPiece) {
    String answer = decodedAnswer.strip().toLowerCase(Locale.ROOT);
    String first = classFirstPiece.strip().replaceAll("^[Ġ▁]+", "");
    return first.toLowerCase(Locale.ROOT).startsWith(answer);
  }

  /**
   * Scores one outcome of a task.
   *
   * @param task the task; the lens prompt has no answer to score ({@link Score#UNSCORED})
   * @param className null when the job names no class (then {@link Score#UNSCORED})
   * @param answerText the decoded output (generative, polling) or decoded argmax token (VQA)
   * @param argmaxId the argmax next-token id (VQA)
   * @param classFirstId id of the class's first sub-token (VQA)
   * @param classFirstPiece that sub-token's string (VQA reference)
   */
  public static Score score(Task task, String className, String answerText, int argmaxId,
      int classFirstId, String classFirstPiece) {
    if (className == null || task == Task.LENS) {
      return Score.UNSCORED;
    }
    return switch (task) {
      case DESCRIBE -> {
        boolean c = generative(className, answerText);
        yield new Score(c, c);
      }
      case POLLING -> {
        boolean c = polling(answerText);
        yield new Score(c, c);
      }
      case VQA -> new Score(vqa(argmaxId, classFirstId),
          vqaReference(answerText, classFirstPiece));
      case LENS -> Score.UNSCORED;
    };
  }
}
