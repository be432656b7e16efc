package io.lenscast.model.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hook names a job carries parse to exactly the values the factories build. */
class HookPointTest {
  @Test
  void namesRoundTripThroughParse() {
    for (HookPoint h : new HookPoint[] {HookPoint.INPUTS_EMBEDS, HookPoint.FINAL_NORM,
        HookPoint.PROJECTOR_IN, HookPoint.PROJECTOR_OUT, HookPoint.VISION_EMBEDS, HookPoint.residPost(12),
        HookPoint.attnPattern(3), HookPoint.visionResidPost(22)}) {
      assertEquals(h, HookPoint.parse(h.name()));
    }
    assertEquals("lm.blocks.7.hook_resid_post", HookPoint.residPost(7).name());
  }

  @Test
  void unknownNamesAreRefused() {
    assertEquals("unknown hook point 'lm.blocks.x.hook_resid_post'",
        assertThrows(IllegalArgumentException.class,
            () -> HookPoint.parse("lm.blocks.x.hook_resid_post")).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> HookPoint.parse("vision.blocks.1.attn.hook_pattern"));
    assertThrows(IllegalArgumentException.class, () -> HookPoint.parse(null));
  }
}
