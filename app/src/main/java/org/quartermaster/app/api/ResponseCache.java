package org.quartermaster.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The read endpoints' rendered answers, kept until the store changes: each entry remembers the
 * store's commit count it was computed at ({@link StoreAccess#commits()}), and is used only while
 * that count is unchanged. Least recently used entries go first beyond {@code capacity}. Thread-safe.
 */
final class ResponseCache {
  /** A rendered answer: its content type and body, and the store state it was computed from. */
  record Answer(long commits, String contentType, byte[] body) {}

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
