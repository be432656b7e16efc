package io.lenscast.analysis.knockout;

import io.lenscast.analysis.geometry.GridCells;

/**
 * An edge set {@code SOURCE->TARGET}: information may not flow from the SOURCE positions (keys)
 * into the TARGET positions (queries). The contract's five ({@code object_bB->last},
 * {@code image->last}, {@code image-minus-object_b1->last}, {@code object_b1->lastrow},
 * {@code image-minus-lastrow->lastrow}) are instances of the grammar
 * {@code SOURCE = image | lastrow | object_bB | image-minus-(object_bB|lastrow)},
 * {@code TARGET = last | lastrow}. {@code last} is the last sequence position, {@code lastrow}
 * the last row of visual tokens. Keys that are not before a query are already masked by
 * causality; the key list is not trimmed to match, it is what the edge set names.
 */
public record EdgeSet(String name, String source, String target) {

  public static EdgeSet parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    int arrow = s.indexOf("->");
    if (arrow <= 0 || arrow + 2 >= s.length()) {
      throw new IllegalArgumentException("edge set '" + s + "' must look like SOURCE->TARGET,"
          + " e.g. object_b1->last");
    }
    String source = s.substring(0, arrow);
    String target = s.substring(arrow + 2);
    if (!target.equals("last") && !target.equals("lastrow")) {
      throw new IllegalArgumentException("edge set '" + s + "': target must be last or lastrow");
    }
    String region = source.startsWith("image-minus-") ? source.substring(12) : source;
    if (!region.equals("image") && !region.equals("lastrow") && !isObject(region)) {
      throw new IllegalArgumentException("edge set '" + s + "': source must be image, lastrow,"
          + " object_bB or image-minus-(object_bB|lastrow)");
    }
    if (source.startsWith("image-minus-") && region.equals("image")) {
      throw new IllegalArgumentException("edge set '" + s + "': image-minus-image is empty");
    }
    return new EdgeSet(s, source, target);
  }

  /** True when resolving needs the object's cells. */
  public boolean needsObject() {
    return source.contains("object_b");
  }

  /**
   * The query and key positions of this edge set on one sequence.
   *
   * @param objectCells the object's cells with buffer 0, or null when the job has none
   */
  public BlockedEdges resolve(LayerWindow window, int rows, int cols, int imageStart,
      int lastPosition, GridCells objectCells) {
    if (needsObject() && objectCells == null) {
      throw new IllegalArgumentException("edge set " + name
          + " needs an object (--object with --bbox or --polygon)");
    }
    GridCells keys = region(source, rows, cols, objectCells);
    int[] queries = target.equals("last") ? new int[] {lastPosition}
        : GridCells.rows(rows, cols, rows - 1, rows - 1).positions(imageStart);
    return new BlockedEdges(name, queries, keys.positions(imageStart), window);
  }

  private static GridCells region(String source, int rows, int cols, GridCells object) {
    if (source.startsWith("image-minus-")) {
      return GridCells.all(rows, cols).minus(region(source.substring(12), rows, cols, object));
    }
    if (source.equals("image")) {
      return GridCells.all(rows, cols);
    }
    if (source.equals("lastrow")) {
      return GridCells.rows(rows, cols, rows - 1, rows - 1);
    }
    return object.dilate(Integer.parseInt(source.substring("object_b".length())));
  }

  private static boolean isObject(String region) {
    return region.matches("object_b\\d{1,2}");
  }
}
