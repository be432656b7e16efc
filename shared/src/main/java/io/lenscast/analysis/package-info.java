/**
 * The paper's analyses (Neo et al., ICLR 2025; reference code clemneo/llava-interp), pure Java
 * except {@code stage} and {@code experiment}, which drive the engine.
 *
 * <ul>
 *   <li>{@code geometry}: object (box, COCO polygons, COCO RLE) to 24x24 grid cells. Default
 *       mapping {@code processor}: through the exact resize + center crop the model sees;
 *       {@code reference}: the paper code's square crop of the original with {@code S // 24} px
 *       cells and dropped polygon vertices. Buffer = 8-neighbourhood dilation.
 *   <li>{@code ablation}: conditions ({@code none}, {@code object_bB}, {@code register},
 *       {@code random_N} seeded, {@code ig_N} / {@code ig_bos_N}, {@code cells:LIST}), mean
 *       vectors with sha256, zero replacement, context control, streaming mean.
 *   <li>{@code knockout}: windows (reference's for 32 layers, scaled outwards for others;
 *       layer 10 in neither early nor mid, as in the reference) and edge sets.
 *   <li>{@code scoring}: generative / polling / VQA, corrected and reference (reversed
 *       {@code startswith}) side by side.
 *   <li>{@code lens}: strict and lenient logit-lens shares per layer over the object.
 *   <li>{@code attribution}: integrated gradients (linspace(0, 1, 50), mean-vector baseline).
 *   <li>{@code dataset}: streaming COCO reader, {@code paper-ablation} / {@code paper-lens}
 *       filters, clean questions, sidecar folders.
 *   <li>{@code metrics}: incremental {@code add(event)} / {@code snapshot()} for ablation,
 *       knockout and lens, with Wilson 95% intervals, and the tables.
 *   <li>{@code plan}, {@code stage}: a job's requests validated, and the processor stages that
 *       emit {@code lenscast.ablation} / {@code lenscast.knockout} events.
 *   <li>{@code experiment}: resumable dataset runs keyed by image id.
 * </ul>
 *
 * <p>Reference bugs (PAPER.md) and what is done: 1 IG target BOS: "Yes" without special tokens,
 * {@code ig_bos_N} keeps the reference; 2 reversed VQA {@code startswith}: corrected id
 * comparison in {@code correct}, the reference's in {@code correctReference}; 3 VQA accuracy
 * over all items: the metrics divide by baseline-correct items and show both counts; 4 knockout
 * blocking nothing under float masks: the engine sets -inf and a golden test shows the change;
 * 5 final norm applied twice: the engine's lens normalises once; 6 unseeded random: seeded, the
 * seed is in every event; 7 layer 10 in no window: kept, documented in {@code LayerWindows}.
 */
package io.lenscast.analysis;
