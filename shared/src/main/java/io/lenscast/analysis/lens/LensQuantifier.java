package io.lenscast.analysis.lens;

import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.events.LayerEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quantifies the logit lens over the object of one image (the paper's Experiment B numbers):
 * layers are added one by one as they are computed (or as {@link LayerEvent}s arrive, in any
 * order), and {@link #score()} gives the per-layer shares and best layers. Only the top-1 of
 * each object patch is looked at.
 */
public final class LensQuantifier {
  private final GridCells objectCells;
  private final ClassTokenMatcher matcher;
  private final Map<Integer, double[]> shares = new TreeMap<>();
  private int numLayers;

  public LensQuantifier(GridCells objectCells, ClassTokenMatcher matcher) {
    if (objectCells.isEmpty()) {
      throw new IllegalArgumentException("the object covers no patch");
    }
    this.objectCells = objectCells;
    this.matcher = matcher;
  }

  /**
   * @param top1Ids top-1 id of every visual cell, row-major ({@code rows * cols})
   * @param top1Tokens their token strings (may be null: lenient then equals strict)
   */
  public void addLayer(int layer, int[] top1Ids, String[] top1Tokens) {
    int cells = objectCells.rows() * objectCells.cols();
    if (top1Ids.length != cells) {
      throw new IllegalArgumentException("layer " + layer + " has " + top1Ids.length
          + " top-1 ids, the grid has " + cells);
    }
    int strict = 0;
    int lenient = 0;
    for (int cell : objectCells.indices()) {
      String token = top1Tokens == null ? null : top1Tokens[cell];
      strict += matcher.strict(top1Ids[cell]) ? 1 : 0;
      lenient += matcher.lenient(top1Ids[cell], token) ? 1 : 0;
    }
    double n = objectCells.size();
    shares.put(layer, new double[] {strict / n, lenient / n});
    numLayers = Math.max(numLayers, layer + 1);
  }

  /** Takes the top-1 of the visual positions of one lens event. */
  public void addLayer(LayerEvent event) {
    int cells = objectCells.rows() * objectCells.cols();
    int[] ids = new int[cells];
    String[] tokens = new String[cells];
    int[] positions = event.positions();
    int seen = 0;
    for (int i = 0; i < positions.length; i++) {
      int cell = positions[i] - event.imageStart();
      if (cell >= 0 && cell < cells) {
        ids[cell] = event.topk().ids()[i][0];
        tokens[cell] = event.topk().tokens() == null ? null : event.topk().tokens()[i][0];
        seen++;
      }
    }
    if (seen != cells) {
      throw new IllegalArgumentException("layer event " + event.layer() + " covers " + seen
          + " of " + cells + " visual positions");
    }
    addLayer(event.layer(), ids, tokens);
    numLayers = Math.max(numLayers, event.numLayers());
  }

  public LensScore score() {
    double[] strict = new double[numLayers];
    double[] lenient = new double[numLayers];
    shares.forEach((layer, s) -> {
      strict[layer] = s[0];
      lenient[layer] = s[1];
    });
    Integer bs = best(strict);
    Integer bl = best(lenient);
    return new LensScore(objectCells.size(), strict, lenient, bs, bs == null ? 0 : strict[bs],
        bl, bl == null ? 0 : lenient[bl]);
  }

  private static Integer best(double[] curve) {
    Integer best = null;
    for (int l = 0; l < curve.length; l++) {
      if (curve[l] > 0 && (best == null || curve[l] > curve[best])) {
        best = l;
      }
    }
    return best;
  }
}
