package org.quartermaster.app.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * What to do with the rest of a request body the server has refused as too large: read it and drop it
 * before answering 413. A server that answers and closes while the client is still sending resets the
 * connection, and the client then sees "connection reset" or "no response" instead of the 413 (the
 * same reason web servers linger before closing). Bodies beyond {@link #DISCARD_AT_MOST} are not read
 * to their end: the connection is closed, the price of not reading without bound.
 */
final class OversizedBody {
  /** The most bytes read and dropped from one refused body. */
  static final long DISCARD_AT_MOST = 64L << 20;

  private OversizedBody() {
  }

  /** Reads {@code body} to its end, or until {@link #DISCARD_AT_MOST} bytes, and drops the bytes. */
  static void discard(InputStream body) {
    byte[] buffer = new byte[64 * 1024];
    long dropped = 0;
    try {
      for (int n = body.read(buffer); n >= 0 && dropped < DISCARD_AT_MOST; n = body.read(buffer)) {
        dropped += n;
      }
    } catch (IOException e) {
      // the client went away: there is nobody left to answer
    }
  }
}
