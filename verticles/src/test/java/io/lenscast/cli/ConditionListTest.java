package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionListTest {
  @Test
  void cellListsKeepTheirCommasAndOtherConditionsSplit() {
    assertEquals(List.of("none", "cells:200-207,224-231,300", "register", "random_3"),
        ConditionList.split("none, cells:200-207,224-231,300 ,register,random_3"));
  }

  @Test
  void plainListsAndStrayNumbersSplitAsBefore() {
    assertEquals(List.of("object_b1", "object_b2"), ConditionList.split("object_b1,,object_b2"));
    assertEquals(List.of("12", "ig_5"), ConditionList.split("12,ig_5"));
    assertEquals(List.of("cells:1", "cells:2-3"), ConditionList.split("cells:1,cells:2-3"));
  }
}
