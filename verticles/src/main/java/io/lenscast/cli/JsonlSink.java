package io.lenscast.cli;

import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.EventSink;
import java.io.PrintStream;

/**
 * Writes events as JSON Lines, one object per line, flushed after each so a reader (or a pipe
 * into {@code jq}) sees every layer the moment it is computed.
 */
final class JsonlSink implements EventSink {
  private final PrintStream out;

  JsonlSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void emit(Event event) {
    out.print(EventCodec.toJson(event));
    out.print('\n');
    out.flush();
  }
}
