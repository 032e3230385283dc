package org.quartermaster.app.api;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPOutputStream;
import org.quartermaster.app.store.Store;

/**
 * The read endpoints' rendered answers, kept while the tables they were read from are unchanged.
 * Each answer records the tables it read and their change number when it was computed
 * ({@link Store#changes}); it is served while that number is unchanged, so saving a scenario keeps
 * every answer about spending, and an import drops them.
 *
 * <p>Concurrent requests for the same answer compute it once: the first computes, the others wait for
 * its result (a burst of requests after a write, or on a cold start, costs one query per distinct
 * answer, not one per request). A refusal of the request ({@link ApiException} with a 4xx status,
 * such as a query option the store cannot answer) is an answer too, kept like one; any other failure
 * is not kept: those waiting for it get it, the next request computes again. Bounded by the size of
 * the kept bodies, plain and gzipped. Thread-safe.
 */
final class ResponseCache {
  /**
   * A rendered answer: its content type, its body as is and gzip-compressed (compressed once, here,
   * rather than for every client that accepts gzip).
   */
  record Answer(String contentType, byte[] body, byte[] gzipped) {
    static Answer of(String contentType, byte[] body) {
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
      try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
        gzip.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Answer(contentType, body, compressed.toByteArray());
    }

    int bytes() {
      return body.length + gzipped.length;
    }
  }

  /**
   * An answer, or the refusal given instead, with the change number, when its computation began, of
   * the tables it reads.
   */
  private record Kept(Answer answer, ApiException refusal, long changes) {
    Answer answerOrThrow() {
      if (refusal != null) {
        throw refusal;
      }
      return answer;
    }

    int bytes() {
      return answer != null ? answer.bytes() : refusal.getMessage().length() * 2;
    }
  }

  private final AsyncCache<String, Kept> kept;
  private final ToLongFunction<Set<Store.Table>> changes;

  /**
   * @param maxBytes the most body bytes (plain and gzipped) kept; the least used answers go first
   * @param changes  the current change number of a set of tables ({@link StoreAccess#changes})
   */
  ResponseCache(long maxBytes, ToLongFunction<Set<Store.Table>> changes) {
    this.kept = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String key, Kept value) -> key.length() + value.bytes())
        .buildAsync();
    this.changes = changes;
  }

  /**
   * The answer for {@code key}, computed by {@code compute} unless one computed since the last change
   * of {@code reads} is kept or being computed.
   *
   * @param key     what identifies the answer among all the endpoints' (path, parameters, format)
   * @param reads   every table {@code compute} reads
   * @param compute the answer, from the store as it is now; what it throws reaches the caller unchanged
   */
  Answer get(String key, Set<Store.Table> reads, Supplier<Answer> compute) {
    ConcurrentMap<String, CompletableFuture<Kept>> entries = kept.asMap();
    while (true) {
      long now = changes.applyAsLong(reads);
      CompletableFuture<Kept> mine = new CompletableFuture<>();
      CompletableFuture<Kept> present = entries.putIfAbsent(key, mine);
      if (present == null) {
        return computeInto(mine, key, now, compute);
      }
      Kept found = await(present);
      if (found.changes() >= now) {
        return found.answerOrThrow();
      }
      entries.remove(key, present); // computed before the last change: compute again
    }
  }

  private Answer computeInto(CompletableFuture<Kept> mine, String key, long changesBefore, Supplier<Answer> compute) {
    Kept result;
    try {
      result = new Kept(compute.get(), null, changesBefore);
    } catch (ApiException e) {
      if (e.status() >= 500) {
        forget(mine, key, e);
        throw e;
      }
      result = new Kept(null, e, changesBefore);
    } catch (RuntimeException | Error e) {
      forget(mine, key, e);
      throw e;
    }
    mine.complete(result);
    return result.answerOrThrow();
  }

  /** A failed computation: not kept, and given to those waiting for it. */
  private void forget(CompletableFuture<Kept> mine, String key, Throwable failure) {
    kept.asMap().remove(key, mine);
    mine.completeExceptionally(failure);
  }

  /** The result of another request's computation, or its failure as it was thrown there. */
  private static Kept await(CompletableFuture<Kept> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** How many answers are kept or being computed, once pending evictions are done. */
  long size() {
    kept.synchronous().cleanUp();
    return kept.synchronous().estimatedSize();
  }
}
