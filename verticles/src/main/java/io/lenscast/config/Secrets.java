package io.lenscast.config;

import java.util.Locale;

/** Decides which configuration keys hold secrets, so that nothing prints them. */
final class Secrets {
  private Secrets() {}

  static boolean looksSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("jaas")
        || k.contains("token") || k.contains("credential") || k.endsWith(".key");
  }
}
