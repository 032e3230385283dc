package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * How much of a workbook {@link XlsxRows} reads at most: the XML of one part (the sheet, and the shared
 * strings, which POI keeps in memory whole), and the text of one cell. A part is checked against the
 * size its ZIP entry declares before it is read, and counted while it is read (a declared size can
 * lie); a cell's text is counted as the XML parser hands it over, so that no cell longer than the
 * limit is ever held whole.
 */
record XlsxLimits(long maxPartBytes, int maxCellChars) {
  static final XlsxLimits DEFAULT = new XlsxLimits(100L << 20, 1 << 20);

  XlsxLimits {
    if (maxPartBytes < 1 || maxCellChars < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxPartBytes + ", " + maxCellChars);
    }
  }

  /** Why a workbook is refused: the text of the problem. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The part's XML, refused before it is read when its declared size is over the limit, and when
   * reading it passes the limit; {@code what} names the part in the message ("the shared strings").
   */
  InputStream open(PackagePart part, String what) throws IOException {
    long declared = part.getSize();
    if (declared > maxPartBytes) {
      throw tooLarge(what, mib(declared) + " of XML, more than " + mib(maxPartBytes));
    }
    return BoundedInputStream.builder().setInputStream(part.getInputStream()).setMaxCount(maxPartBytes + 1)
        .setOnMaxCount((max, count) -> {
          throw tooLarge(what, "more than " + mib(maxPartBytes) + " of XML");
        }).get();
  }

  private static Refused tooLarge(String what, String size) {
    return new Refused(what + " of the workbook: " + size + ", the most this importer reads; save the sheet as CSV (read as a stream, without this limit), or split the workbook");
  }

  private static String mib(long bytes) {
    return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB"
        : bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0) : bytes + " bytes";
  }

  /**
   * Counts the text of each shared string ({@code <si>}) as POI's table receives it; a string over the
   * limit is cut there and remembered, so that the sheet's cells that use it are refused by name
   * ({@link #cells}).
   */
  SharedStrings sharedStrings(org.xml.sax.ContentHandler table) {
    return new SharedStrings(table, maxCellChars);
  }

  /** Refuses a cell ({@code <c>}) of the sheet whose text, or whose shared string, is over the limit. */
  XMLFilterImpl cells(SharedStrings strings) {
    return new Cells(strings, maxCellChars);
  }

  private static String tooLong(String cell, int maxChars) {
    return "cell " + cell + " holds more than " + (maxChars % 1024 == 0 && maxChars >= 1 << 20
        ? (maxChars >> 20) + " MiB" : maxChars + " characters") + " of text, the most a cell may hold; shorten it";
  }

  /** The shared-string filter. */
  static final class SharedStrings extends XMLFilterImpl {
    private final int maxChars;
    private final Set<Integer> cut = new HashSet<>();
    private int index = -1;
    private boolean inText;
    private long chars;

    SharedStrings(org.xml.sax.ContentHandler table, int maxChars) {
      this.maxChars = maxChars;
      setContentHandler(table);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      if (localName.equals("si")) {
        index++;
        chars = 0;
      }
      inText = localName.equals("t");
      super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      inText = false;
      super.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (!inText) {
        super.characters(ch, start, length);
        return;
      }
      long room = maxChars - chars;
      chars += length;
      if (length > room) {
        cut.add(index);
        if (room > 0) {
          super.characters(ch, start, (int) room);
        }
        return;
      }
      super.characters(ch, start, length);
    }
  }

  /** The sheet filter: counts the text of each cell (its value, inline string and formula), and notes which shared string it uses. */
  private static final class Cells extends XMLFilterImpl {
    private static final Set<String> TEXT = Set.of("v", "t", "f");
    private final SharedStrings strings;
    private final int maxChars;
    private final StringBuilder sharedIndex = new StringBuilder();
    private String reference;
    private boolean shared;
    private String inText;
    private long chars;

    Cells(SharedStrings strings, int maxChars) {
      this.strings = strings;
      this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      if (localName.equals("c")) {
        reference = atts.getValue("r");
        shared = "s".equals(atts.getValue("t"));
        chars = 0;
        sharedIndex.setLength(0);
      } else if (TEXT.contains(localName)) {
        inText = localName;
      }
      super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inText != null) {
        chars += length;
        if (chars > maxChars) {
          throw new Refused(tooLong(reference, maxChars));
        }
        if (shared && inText.equals("v") && sharedIndex.length() < 12) {
          sharedIndex.append(ch, start, Math.min(length, 12));
        }
      }
      super.characters(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (localName.equals(inText)) {
        inText = null;
      } else if (localName.equals("c") && shared && !strings.cut.isEmpty()) {
        try {
          if (strings.cut.contains(Integer.parseInt(sharedIndex.toString().strip()))) {
            throw new Refused(tooLong(reference, maxChars));
          }
        } catch (NumberFormatException e) {
          // not a shared-string index: POI reports the cell as it finds it
        }
      }
      super.endElement(uri, localName, qName);
    }
  }
}
