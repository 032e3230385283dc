package org.quartermaster.app.importer.tabular;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ParsedFile;

/**
 * The distinct signatures of a bulk import, converted by the Java path's own {@link RowConverter}:
 * a signature is the cells a row's conversion depends on, a passed-through column's plain cell
 * standing in as one representative value. A row of the file converts exactly as its signature does,
 * but for the passed-through values, which SQL reads from the cells.
 */
final class BulkSignatures {

  private BulkSignatures() {}

  /**
   * One converted row per signature, numbered as the signatures' {@code file_row}; throws
   * {@link BulkDeclinedException} when any signature has a problem.
   */
  static List<DataRow> convert(ResultSet signatures, ImportRequest request, Mapping mapping, Countries countries,
      String[] header, List<BulkColumn> columns) throws SQLException {
    List<String> missing = List.copyOf(RowConverter.missingValues(mapping));
    String[] representatives = new String[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      BulkColumn column = columns.get(i);
      representatives[i] = column.passedThrough() == null ? null : column.representative(missing);
    }
    RowConverter converter = new RowConverter(request.fileName(), mapping, countries, request.sourceUrl(),
        request.vintage(), false);
    converter.accept(1, header, header.length);
    String[] cells = new String[header.length];
    int count = 0;
    while (signatures.next()) {
      for (int i = 0; i < columns.size(); i++) {
        String text = signatures.getString(columns.get(i).signature());
        cells[columns.get(i).index()] = representatives[i] != null && "".equals(text) ? representatives[i] : text;
      }
      converter.accept(signatures.getInt("file_row"), cells, cells.length);
      count++;
    }
    ParsedFile parsed = converter.finish();
    if (!parsed.problems().isEmpty()) {
      ImportProblem first = parsed.problems().getFirst();
      throw new BulkDeclinedException("the rows have problems, such as "
          + (first.column() == null ? "" : first.column() + ": ") + first.message());
    }
    if (parsed.rows().size() != count) {
      throw new BulkDeclinedException("some rows convert to no row or to several");
    }
    return List.copyOf(parsed.rows());
  }
}
