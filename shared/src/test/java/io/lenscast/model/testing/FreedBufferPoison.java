package io.lenscast.model.testing;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes use-after-free of Java-owned tensor memory visible. DJL creates a tensor from Java data
 * (and the scalar of every {@code op(Number)}) over a direct ByteBuffer without copying; once
 * that NDArray is closed, a GC frees the buffer even if the autograd graph saved the tensor for
 * the backward pass. {@link #collectAndPoison} forces that GC, waits until direct buffers were
 * actually released, then allocates many direct buffers full of NaN bytes, scalars and every
 * size up to 8 KB, which the allocator hands out from the freed chunks: a graph still reading
 * one sees NaN.
 */
public final class FreedBufferPoison {
  private static final int SCALARS = 4000;
  private static final int MAX_ARRAY_BYTES = 8192;
  private static final int PER_ARRAY_SIZE = 6;
  private static List<ByteBuffer> held = new ArrayList<>();

  private FreedBufferPoison() {}

  /** Frees unreachable direct buffers now and refills small freed chunks with NaN bytes. */
  public static void collectAndPoison() {
    held = new ArrayList<>();
    long before = directCount();
    long deadline = System.nanoTime() + 2_000_000_000L;
    do {
      WeakReference<Object> marker = new WeakReference<>(new Object());
      System.gc();
      while (marker.get() != null && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      Thread.yield();
    } while (directCount() >= before && System.nanoTime() < deadline);
    List<ByteBuffer> poison = new ArrayList<>();
    for (int i = 0; i < SCALARS; i++) {
      poison.add(nanFilled(4 + 4 * (i % 4)));
    }
    for (int size = 16; size <= MAX_ARRAY_BYTES; size += 16) {
      for (int i = 0; i < PER_ARRAY_SIZE; i++) {
        poison.add(nanFilled(size));
      }
    }
    held = poison;
  }

  private static ByteBuffer nanFilled(int bytes) {
    ByteBuffer b = ByteBuffer.allocateDirect(bytes);
    while (b.hasRemaining()) {
      b.put((byte) 0xFF);
    }
    return b;
  }

  private static long directCount() {
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        return pool.getCount();
      }
    }
    return 0;
  }
}
