package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.importer.BundledDatasetException;
import org.quartermaster.app.importer.Datasets;
import org.quartermaster.app.importer.NoSuchDatasetException;
import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.store.Store;

/**
 * {@code GET /api/v1/datasets/{id}}: one dataset as {@code qm datasets show} gives it (its record, its
 * rows per table, its first rows: three results, rendered as the CLI renders them), 404 for an id the
 * store does not hold. {@code DELETE /api/v1/datasets/{id}}: removes a dataset and all its rows in one transaction, as
 * {@code qm datasets rm} does. 200 with what was removed; 404 for an id the store does not hold; 409
 * for a bundled dataset without {@code force=true}. The removal counts as a change of every table
 * ({@link org.quartermaster.app.store.Store#write(org.quartermaster.app.store.Store.Work)}), so no
 * cached answer computed before it is served after it.
 */
final class DatasetEndpoints {
  private final StoreAccess store;
  private final QueryEndpoints queries;

  DatasetEndpoints(StoreAccess store, QueryEndpoints queries) {
    this.store = store;
    this.queries = queries;
  }

  void show(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of());
    int datasetId = datasetId(ctx.pathParam("id"), params);
    queries.respondAll(ctx, params, Store.Table.data(), () -> s -> {
      try {
        return DatasetsQuery.show(s, datasetId);
      } catch (NoSuchDatasetException e) {
        throw notFound(datasetId);
      }
    });
  }

  private static ApiException notFound(int datasetId) {
    return ApiException.notFound("no dataset " + datasetId + " in the store; GET /api/v1/datasets lists them");
  }

  void delete(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("force"), false);
    boolean force = params.flag("force");
    int datasetId = datasetId(ctx.pathParam("id"), params);
    params.check();
    Datasets.Removed removed;
    try {
      removed = store.write(s -> Datasets.remove(s, datasetId, force));
    } catch (NoSuchDatasetException e) {
      throw notFound(datasetId);
    } catch (BundledDatasetException e) {
      throw new ApiException(409, "dataset " + datasetId + " (" + e.file() + ") is bundled with Quartermaster:"
          + " nothing removed; add force=true to remove it anyway");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dataset_id", removed.datasetId());
    body.put("file", removed.file());
    body.put("table", removed.table());
    body.put("rows_removed", removed.rows());
    body.put("bundled", removed.bundled());
    body.put("message", "dataset " + removed.datasetId() + " (" + removed.file() + ") and its " + removed.rows()
        + " rows removed");
    ctx.status(200).json(body);
  }

  private static int datasetId(String given, QueryParams params) {
    try {
      return Integer.parseInt(given);
    } catch (NumberFormatException e) {
      params.problem("id", given, "a dataset id is a whole number (GET /api/v1/datasets lists them)");
      return 0;
    }
  }
}
