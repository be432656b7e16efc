package io.lenscast.analysis.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.analysis.geometry.ObjectShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoDatasetTest {
  /**
   * Image 1: dog (1500) + 2 cats -> paper-ablation target dog. Image 2: 4 annotations -> none.
   * Image 3: one crowd person of 25000 (compressed RLE) -> lens only if not crowd: none; image
   * 4: one cat of 25000 -> paper-lens target. Image 5: cat of 1000 exactly -> none (strict).
   */
  static final String COCO = """
      {"info": {"year": 2017}, "licenses": [],
       "images": [
        {"id": 1, "file_name": "a.jpg", "width": 640, "height": 480},
        {"id": 2, "file_name": "b.jpg", "width": 640, "height": 480},
        {"id": 3, "file_name": "c.jpg", "width": 48, "height": 48},
        {"id": 4, "file_name": "d.jpg", "width": 640, "height": 480},
        {"id": 5, "file_name": "e.jpg", "width": 640, "height": 480}],
       "annotations": [
        {"segmentation": [[10, 10, 60, 10, 60, 40]], "area": 3000, "iscrowd": 0,
         "image_id": 1, "bbox": [10, 10, 50, 30], "category_id": 17, "id": 100},
        {"segmentation": [[100, 100, 150, 100, 150, 140, 100, 140]], "area": 1500,
         "iscrowd": 0, "image_id": 1, "bbox": [100, 100, 50, 40], "category_id": 18, "id": 101},
        {"segmentation": [[10, 10, 60, 10, 60, 40]], "area": 1200, "iscrowd": 0,
         "image_id": 1, "bbox": [10, 10, 50, 30], "category_id": 17, "id": 102},
        {"segmentation": [[1,1,2,1,2,2]], "area": 1500, "iscrowd": 0, "image_id": 2,
         "bbox": [1,1,1,1], "category_id": 18, "id": 200},
        {"segmentation": [[1,1,2,1,2,2]], "area": 1, "iscrowd": 0, "image_id": 2,
         "bbox": [1,1,1,1], "category_id": 17, "id": 201},
        {"segmentation": [[1,1,2,1,2,2]], "area": 1, "iscrowd": 0, "image_id": 2,
         "bbox": [1,1,1,1], "category_id": 17, "id": 202},
        {"segmentation": [[1,1,2,1,2,2]], "area": 1, "iscrowd": 0, "image_id": 2,
         "bbox": [1,1,1,1], "category_id": 17, "id": 203},
        {"segmentation": {"counts": "c71:0go1", "size": [48, 48]}, "area": 25000,
         "iscrowd": 1, "image_id": 3, "bbox": [5, 3, 1, 12], "category_id": 1, "id": 300},
        {"segmentation": {"counts": [243, 1, 2060], "size": [48, 48]}, "area": 2,
         "iscrowd": 1, "image_id": 3, "bbox": [5, 3, 1, 1], "category_id": 1, "id": 301},
        {"segmentation": [[0, 0, 200, 0, 200, 125]], "area": 25000, "iscrowd": 0,
         "image_id": 4, "bbox": [0, 0, 200, 125], "category_id": 17, "id": 400},
        {"segmentation": [[0, 0, 20, 0, 20, 100]], "area": 1000, "iscrowd": 0,
         "image_id": 5, "bbox": [0, 0, 20, 100], "category_id": 17, "id": 500}],
       "categories": [{"supercategory": "person", "id": 1, "name": "person"},
        {"supercategory": "animal", "id": 17, "name": "cat"},
        {"supercategory": "animal", "id": 18, "name": "dog"}]}
      """;

  @Test
  void scanReadsImagesCategoriesAndAnnotationsInFileOrder(@TempDir Path dir) throws IOException {
    CocoIndex index = CocoReader.scan(write(dir));
    assertEquals(5, index.images().size());
    assertEquals("cat", index.categoryName(17));
    assertEquals(List.of(100L, 101L, 102L),
        index.annotations(1).stream().map(CocoAnnotationInfo::id).toList());
    assertArrayEquals(new double[] {100, 100, 50, 40}, index.annotations(1).get(1).bbox());
    assertTrue(index.annotations(3).get(0).crowd());
    assertEquals(List.of(), index.annotations(99));
  }

  @Test
  void paperAblationPicksTheSingleInstanceCategoryWithAreaStrictlyInRange(@TempDir Path dir)
      throws IOException {
    CocoIndex index = CocoReader.scan(write(dir));
    assertEquals(101L, PaperFilters.paperAblation(index.annotations(1)).orElseThrow().id());
    assertTrue(PaperFilters.paperAblation(index.annotations(2)).isEmpty());
    assertTrue(PaperFilters.paperAblation(index.annotations(5)).isEmpty());
    assertEquals(400L, PaperFilters.target("paper-lens", index.annotations(4)).orElseThrow()
        .id());
    assertTrue(PaperFilters.paperLens(index.annotations(3)).isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> PaperFilters.target("paper", index.annotations(1)));
  }

  @Test
  void shapesAreReadBackForSelectedAnnotationsIncludingBothRleForms(@TempDir Path dir)
      throws IOException {
    Path file = write(dir);
    CocoIndex index = CocoReader.scan(file);
    Map<Long, ObjectShape> shapes = CocoReader.shapes(file, Set.of(101L, 300L, 301L), index);
    assertEquals(3, shapes.size());
    assertEquals("dog", shapes.get(101L).label());
    assertEquals(1, shapes.get(101L).polygons().size());
    assertEquals(2, shapes.get(300L).mask().area());
    assertEquals(1, shapes.get(301L).mask().area());
    assertTrue(shapes.get(301L).mask().get(5, 3));
  }

  @Test
  void selectionJoinsFilterTargetsShapesAndQuestions(@TempDir Path dir) throws IOException {
    Path file = write(dir);
    List<LabeledImage> all = CocoSelection.select(file, dir, "paper-ablation", null);
    assertEquals(1, all.size());
    LabeledImage one = all.get(0);
    assertEquals("1", one.key());
    assertEquals("dog", one.className());
    assertEquals(dir.resolve("a.jpg"), one.path());
    assertEquals(640, one.width());
    assertNotNull(one.target());
    assertNull(one.question());
    Path q = dir.resolve("q.json");
    Files.writeString(q, "{\"1\": [\"What is on the grass?\", \"x\"], \"4\": []}");
    List<LabeledImage> vqa = CocoSelection.select(file, dir, "paper-ablation",
        CleanQuestions.load(q));
    assertEquals("What is on the grass?", vqa.get(0).question());
    assertEquals(0, CocoSelection.select(file, dir, "paper-lens", CleanQuestions.load(q))
        .size());
  }

  @Test
  void malformedFilesFailWithTheFileName(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"images\": [ {\"id\": 1, ");
    IOException e = assertThrows(IOException.class, () -> CocoReader.scan(bad));
    assertTrue(e.getMessage().startsWith(bad.toString()));
  }

  @Test
  void thePapersCleanQuestionsFileHasOneHundredQuestions() throws IOException {
    CleanQuestions q = CleanQuestions.load(Path.of("fixtures/data/clean_questions.json"));
    assertEquals(100, q.imagesWithQuestions().size());
    assertEquals("What is behind the television?", q.first(10694).orElseThrow());
    assertTrue(q.first(294832).isEmpty());
  }

  static Path write(Path dir) throws IOException {
    Path file = dir.resolve("instances_test.json");
    Files.writeString(file, COCO);
    return file;
  }
}
