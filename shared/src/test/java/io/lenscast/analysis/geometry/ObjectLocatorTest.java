package io.lenscast.analysis.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenscast.image.CropGeometry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases on a 500x375 image (the fixture img0's size).
 * Processor: resized 448x336 (scale 0.896 both ways), crop left 56, top 0, 14 px cells.
 * Reference: square crop side 375, left 62, top 0, cells 375 // 24 = 15 px (grid covers 360 px).
 */
class ObjectLocatorTest {
  private static final int W = 500;
  private static final int H = 375;
  private final ObjectLocator processor = ProcessorLocator.llava15();
  private final ObjectLocator reference = ReferenceLocator.llava15();

  @Test
  void processorCropGeometryMatchesClipImageProcessor() {
    ProcessorLocator p = ProcessorLocator.llava15();
    assertEquals(new CropGeometry(500, 375, 448, 336, 56, 0, 336, 336), p.geometry(500, 375));
    assertEquals(new CropGeometry(300, 420, 336, 470, 0, 67, 336, 336), p.geometry(300, 420));
    assertEquals(new CropGeometry(512, 600, 336, 393, 0, 28, 336, 336), p.geometry(512, 600));
  }

  @Test
  void objectAtTopLeftCornerOfTheCropMarksOnlyCellZeroInBothMappings() {
    // processor: x -0.448..12.992, y 0..13.44 -> cell 0; reference: x 0..15, y 0..15 -> cell 0
    ObjectShape box = ObjectShape.ofBox("a", 62, 0, 15, 15);
    assertArrayEquals(new int[] {0}, processor.locate(box, W, H).indices());
    assertArrayEquals(new int[] {0}, reference.locate(box, W, H).indices());
  }

  @Test
  void objectAtBottomRightCornerIsCell575ForTheProcessorAndLostByTheReference() {
    // processor: x 329.28..335.552 (col 23), y 322.56..335.104 (row 23)
    ObjectShape box = ObjectShape.ofBox("a", 430, 360, 7, 14);
    assertArrayEquals(new int[] {575}, processor.locate(box, W, H).indices());
    // reference: shifted x 368..375: x = 375 is dropped, 2 vertices left -> no polygon
    assertThrows(IllegalArgumentException.class, () -> reference.locate(box, W, H));
  }

  @Test
  void objectCutByTheCropKeepsOnlyItsVisiblePart() {
    // processor: x -38.08..33.6 -> cols 0..2; y 89.6..116.48 -> rows 6..8
    ObjectShape box = ObjectShape.ofBox("a", 20, 100, 80, 30);
    assertArrayEquals(new int[] {144, 145, 146, 168, 169, 170, 192, 193, 194},
        processor.locate(box, W, H).indices());
    // reference: the 4 corners, 2 of them outside the crop -> dropped object
    assertThrows(IllegalArgumentException.class, () -> reference.locate(box, W, H));
    // as a 6-vertex polygon the reference keeps x 8..38 (cols 0..2), y 100..130 (rows 6..8)
    ObjectShape poly = ObjectShape.ofPolygons("a",
        List.of(new double[] {20, 100, 70, 100, 100, 100, 100, 130, 70, 130, 20, 130}));
    assertArrayEquals(new int[] {144, 145, 146, 168, 169, 170, 192, 193, 194},
        reference.locate(poly, W, H).indices());
  }

  @Test
  void objectSmallerThanACellMarksOneCellAndShowsTheReferenceDrift() {
    // processor: x 168..170.688 (col 12), y 179.2..181.888 (row 12)
    ObjectShape box = ObjectShape.ofBox("a", 250, 200, 3, 3);
    assertArrayEquals(new int[] {12 * 24 + 12}, processor.locate(box, W, H).indices());
    // reference: x 188..191 (col 12), y 200..203 (row 13)
    assertArrayEquals(new int[] {13 * 24 + 12}, reference.locate(box, W, H).indices());
  }

  @Test
  void smallObjectOnACellCornerMarksTheFourCellsAroundIt() {
    // processor: cell corner (14, 14) in crop = original (77.5, 15.625); a 2x2 box around it
    ObjectShape box = ObjectShape.ofBox("a", 76.5, 14.625, 2, 2);
    assertArrayEquals(new int[] {0, 1, 24, 25}, processor.locate(box, W, H).indices());
  }

  @Test
  void polygonWithVerticesOutsideTheCropIsClippedByProcessorAndShortcutByReference() {
    ObjectShape poly = ObjectShape.ofPolygons("a",
        List.of(new double[] {32, 30, 122, 30, 122, 90, 92, 90}));
    // processor (exact clip): vertices (-27.328, 26.88) (53.312, 26.88) (53.312, 80.64)
    // (26.432, 80.64); left edge x = y - 54.208: rows 1..4 cols 0..3, row 5 cols 1..3
    assertArrayEquals(new int[] {24, 25, 26, 27, 48, 49, 50, 51, 72, 73, 74, 75, 96, 97, 98, 99,
        121, 122, 123}, processor.locate(poly, W, H).indices());
    // reference: (-30, 30) dropped; triangle (60, 30) (60, 90) (30, 90), 15 px cells
    assertArrayEquals(new int[] {51, 75, 98, 99, 122, 123},
        reference.locate(poly, W, H).indices());
  }

  @Test
  void objectOutsideTheProcessorCropIsReportedNotSilentlyEmpty() {
    ObjectShape box = ObjectShape.ofBox("a", 0, 0, 40, 40);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> processor.locate(box, W, H));
    assertEquals("object 'a' lies outside the model's center crop", e.getMessage());
  }

  @Test
  void rleMaskPixelMapsToItsCellInBothMappings() {
    // 48x48 image: processor scale 7, a pixel (5, 3) covers crop [35, 42) x [21, 28): cell 26
    RleMask mask = RleMask.fromCounts(48, 48, new long[] {5 * 48 + 3, 1, 2304 - 244});
    assertEquals(1, mask.area());
    assertArrayEquals(new int[] {26}, processor.locate(ObjectShape.ofMask("m", mask), 48, 48)
        .indices());
    // reference: cells of 2 px -> (5, 3) is col 2, row 1
    assertArrayEquals(new int[] {26}, reference.locate(ObjectShape.ofMask("m", mask), 48, 48)
        .indices());
  }

  @Test
  void modeNamesSelectTheMapping() {
    assertEquals(ProcessorLocator.class, ObjectLocator.forMode("processor").getClass());
    assertEquals(ReferenceLocator.class, ObjectLocator.forMode("reference").getClass());
    assertThrows(IllegalArgumentException.class, () -> ObjectLocator.forMode("pad"));
  }
}
