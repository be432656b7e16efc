package io.lenscast.model.testing;

/** float16 and bfloat16 conversions (round to nearest even), for writing test checkpoints. */
public final class Half {
  private Half() {}

  public static float fromBf16(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }

  public static short toBf16(float f) {
    int bits = Float.floatToRawIntBits(f);
    if (Float.isNaN(f)) {
      return (short) 0x7fc0;
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }

  /** The float32 value nearest to {@code f} that bfloat16 can hold. */
  public static float roundBf16(float f) {
    return fromBf16(toBf16(f));
  }

  public static float fromHalf(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign == 0 ? v : -v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  public static short toHalf(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    float abs = Math.abs(f);
    if (Float.isNaN(f)) {
      return (short) (sign | 0x7e00);
    }
    if (abs >= 65520f) {
      return (short) (sign | 0x7c00);
    }
    if (abs < 0x1p-14f) {
      int sub = Math.round(abs * 0x1p24f);
      return (short) (sign | sub);
    }
    int e = (Float.floatToRawIntBits(abs) >>> 23) - 127;
    int mant = Float.floatToRawIntBits(abs) & 0x7fffff;
    int half = ((e + 15) << 10) | (mant >>> 13);
    int rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
      half++;
    }
    return (short) (sign | half);
  }
}
