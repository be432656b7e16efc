package io.lenscast.dashboard;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The optional bearer token in front of the API and the WebSocket. Browsers cannot set headers
 * on a WebSocket, so {@code ?access_token=} is accepted as well. Compared in constant time.
 */
final class BearerAuth implements Handler<RoutingContext> {
  private final byte[] token;

  BearerAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String presented = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = header.substring(7).trim();
    } else if (ctx.request().getParam("access_token") != null) {
      presented = ctx.request().getParam("access_token");
    }
    if (presented != null
        && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    ctx.response().setStatusCode(401)
        .putHeader("WWW-Authenticate", "Bearer realm=\"lenscast\"")
        .putHeader("Content-Type", "application/json")
        .end("{\"error\":\"missing or wrong bearer token\"}");
  }
}
