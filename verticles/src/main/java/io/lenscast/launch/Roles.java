package io.lenscast.launch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The roles present on the classpath, by name. */
public final class Roles {
  private Roles() {}

  public static Map<String, RoleProvider> available() {
    Map<String, RoleProvider> roles = new LinkedHashMap<>();
    for (RoleProvider p : ServiceLoader.load(RoleProvider.class)) {
      roles.putIfAbsent(p.role(), p);
    }
    return roles;
  }

  public static Optional<RoleProvider> find(String role) {
    return Optional.ofNullable(available().get(role));
  }
}
