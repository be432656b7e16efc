package io.lenscast.analysis.geometry;

/**
 * Finds the visual-token cells an object covers, from its shape in original-image pixels.
 * Two mappings exist ({@link ProcessorLocator}, the default, and {@link ReferenceLocator}, the
 * paper code's); {@link #forMode} picks one by name.
 */
public interface ObjectLocator {
  String PROCESSOR = "processor";
  String REFERENCE = "reference";

  /**
   * @throws IllegalArgumentException when the object lies outside what the model sees (or, for
   *     the reference mapping, when no polygon keeps 3 vertices inside the crop)
   */
  GridCells locate(ObjectShape object, int imageWidth, int imageHeight);

  /** The LLaVA-1.5 geometry (336 px crop, 14 px patches, 24x24 grid) in the named mode. */
  static ObjectLocator forMode(String mode) {
    return switch (mode) {
      case PROCESSOR -> ProcessorLocator.llava15();
      case REFERENCE -> ReferenceLocator.llava15();
      default -> throw new IllegalArgumentException("unknown localisation mode '" + mode
          + "' (processor or reference)");
    };
  }
}
