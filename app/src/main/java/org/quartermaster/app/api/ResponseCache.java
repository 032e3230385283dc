package org.quartermaster.app.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The read endpoints' rendered answers, kept until the store changes: each entry remembers the
 * store's commit count it was computed at ({@link StoreAccess#commits()}), and is used only while
 * that count is unchanged. Least recently used entries go first beyond {@code capacity}. Thread-safe.
 */
final class ResponseCache {
  /**
   * A rendered answer: its content type, its body as is and gzip-compressed (compressed once, here,
   * rather than for every client that accepts gzip), and the store state it was computed from.
   */
  record Answer(long commits, String contentType, byte[] body, byte[] gzipped) {
    static Answer of(long commits, String contentType, byte[] body) {
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
      try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
        gzip.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Answer(commits, contentType, body, compressed.toByteArray());
    }
  }

  private final Map<String, Answer> entries;

  ResponseCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The answer for {@code key} if it was computed at {@code commits}. */
  synchronized Optional<Answer> get(String key, long commits) {
    Answer entry = entries.get(key);
    return entry != null && entry.commits() == commits ? Optional.of(entry) : Optional.empty();
  }

  synchronized void put(String key, Answer entry) {
    entries.put(key, entry);
  }

  synchronized int size() {
    return entries.size();
  }
}
