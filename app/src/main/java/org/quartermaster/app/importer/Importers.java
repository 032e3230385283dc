package org.quartermaster.app.importer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.importer.nato.NatoTableImporter;
import org.quartermaster.app.importer.owid.OwidGrapherImporter;
import org.quartermaster.app.importer.qmcsv.QmCsvImporter;
import org.quartermaster.app.importer.sipri.SipriTransfersImporter;
import org.quartermaster.app.importer.tabular.CsvImporter;
import org.quartermaster.app.importer.tabular.XlsxImporter;

/** The importer of each format (the one place that lists them). */
public final class Importers {
  private final Map<ImportFormat, Importer> byFormat = new EnumMap<>(ImportFormat.class);

  private Importers(List<Importer> importers) {
    for (Importer importer : importers) {
      byFormat.put(importer.format(), importer);
    }
  }

  public static Importers standard() {
    return new Importers(List.of(new QmCsvImporter(), new NatoTableImporter(), new OwidGrapherImporter(),
        new SipriTransfersImporter(), new CsvImporter(), new XlsxImporter()));
  }

  public Optional<Importer> forFormat(ImportFormat format) {
    return Optional.ofNullable(byFormat.get(format));
  }
}
