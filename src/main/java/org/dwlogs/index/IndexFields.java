package org.dwlogs.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.dwlogs.match.LogAnalyzer;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;

/**
 * The index schema: one Lucene document per parsed record ({@code kind=record}) or malformed
 * record ({@code kind=malformed}), and the conversions both ways. A document holds everything
 * a {@link Parsed} holds, so a report from the index equals the report from the raw files.
 */
public final class IndexFields {
  /** {@code record} or {@code malformed}; indexed, stored. */
  public static final String KIND = "kind";
  public static final String KIND_RECORD = "record";
  public static final String KIND_MALFORMED = "malformed";
  /** The analysed message ({@link LogAnalyzer}); indexed, not stored (see {@link #RAW}). */
  public static final String MESSAGE = LogAnalyzer.MESSAGE_FIELD;
  /** UTC epoch milliseconds: LongPoint (ranges), NumericDocValues (sorting), stored. */
  public static final String TIMESTAMP = "timestamp";
  /** Level, component: indexed lowercase, stored as parsed. */
  public static final String LEVEL = "level";
  public static final String COMPONENT = "component";
  /** IDs, lowercase as parsed; indexed and stored. */
  public static final String SESSION_ID = "session_id";
  public static final String ACTIVITY_ID = "activity_id";
  /** The catalog entries that matched when the record was indexed; multi-valued. */
  public static final String ISSUE_ID = "issue_id";
  /** The file as the user named it: indexed lowercase, stored as given. */
  public static final String FILE = "file";
  /** The fully qualified file path (the report's key); stored. */
  public static final String SOURCE = "source";
  /** {@code offset} or {@code line}, and its value; stored. */
  public static final String POSITION_KIND = "position_kind";
  public static final String POSITION = "position";
  /** Stored 1 when the record was cut at text.max_record_bytes. */
  public static final String TRUNCATED = "truncated";
  /** The raw message (records) or raw text (malformed); stored, compressed. */
  public static final String RAW = "raw";
  /** A JSON or CSV record's other field values, one per line; stored, compressed. */
  public static final String OTHER_FIELDS = "other_fields";
  /** Malformed documents: the malformed kind (indexed, stored) and the reason (stored). */
  public static final String MALFORMED_KIND = "malformed_kind";
  public static final String REASON = "reason";

  /**
   * The IDs again as sorted doc values, so a search counts distinct sessions and activities from
   * ordinals instead of loading every hit's stored document (shards written before these
   * existed have none; search then reads the stored IDs). Separate names: Lucene wants one schema per field name in every document, and an
   * ID that doc values cannot hold (see {@link #IDS_STORED_ONLY}) would break it.
   */
  public static final String SESSION_ID_DV = "session_id.dv";
  public static final String ACTIVITY_ID_DV = "activity_id.dv";
  /**
   * Numeric doc value 1 on a record whose session or activity ID is longer than sorted doc
   * values allow (32,766 bytes): that record's IDs are read from the stored fields.
   */
  public static final String IDS_STORED_ONLY = "ids.stored_only";

  /** Suffix of the stored UTF-16 copy of a text that UTF-8 cannot carry (lone surrogates). */
  private static final String UTF16 = "$utf16";

  /** The fields a query may name; {@code *} for {@code *:*}. */
  public static final Set<String> QUERYABLE = Set.of(MESSAGE, TIMESTAMP, LEVEL, COMPONENT,
      SESSION_ID, ACTIVITY_ID, ISSUE_ID, FILE, "*");

  /** The longest term a keyword field indexes (Lucene's limit is 32,766 UTF-8 bytes). */
  private static final int MAX_KEYWORD_CHARS = 4096;

  private IndexFields() {}

  /** The codec of every shard: Lucene's default, with stored fields at best compression. */
  public static Codec codec() {
    return new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION);
  }

  /**
   * The analyser for indexing and for queries: {@link LogAnalyzer} for {@code message},
   * keyword + lowercase for the keyword fields, so {@code level:ERROR} finds {@code error}.
   */
  public static Analyzer analyzer() {
    Analyzer keyword = new KeywordLowercase();
    return new PerFieldAnalyzerWrapper(new LogAnalyzer(), Map.of(LEVEL, keyword,
        COMPONENT, keyword, SESSION_ID, keyword, ACTIVITY_ID, keyword, ISSUE_ID, keyword,
        FILE, keyword, KIND, keyword, MALFORMED_KIND, keyword));
  }

  /** The document of one parsed record; {@code display} is its file as the user named it. */
  public static Document toDocument(Parsed parsed, String display, List<String> issueIds) {
    Document d = new Document();
    d.add(new StoredField(SOURCE, parsed.source()));
    keyword(d, FILE, display == null ? parsed.source() : display, true);
    d.add(new StoredField(POSITION_KIND, parsed.position().kind().name().toLowerCase(Locale.ROOT)));
    d.add(new StoredField(POSITION, parsed.position().value()));
    if (parsed instanceof Malformed m) {
      d.add(new StringField(KIND, KIND_MALFORMED, Field.Store.YES));
      d.add(new StringField(MALFORMED_KIND, m.kind().label(), Field.Store.YES));
      storeText(d, REASON, m.reason());
      storeText(d, RAW, m.raw());
      return d;
    }
    LogRecord r = (LogRecord) parsed;
    d.add(new StringField(KIND, KIND_RECORD, Field.Store.YES));
    d.add(new TextField(MESSAGE, r.message(), Field.Store.NO));
    storeText(d, RAW, r.message());
    if (r.timestampMillis() != null) {
      long ts = r.timestampMillis();
      d.add(new LongPoint(TIMESTAMP, ts));
      d.add(new NumericDocValuesField(TIMESTAMP, ts));
      d.add(new StoredField(TIMESTAMP, ts));
    }
    keyword(d, LEVEL, r.level(), true);
    keyword(d, COMPONENT, r.component(), true);
    keyword(d, SESSION_ID, r.sessionId(), true);
    keyword(d, ACTIVITY_ID, r.activityId(), true);
    boolean sessionFits = idDocValue(d, SESSION_ID_DV, r.sessionId());
    boolean activityFits = idDocValue(d, ACTIVITY_ID_DV, r.activityId());
    if (!sessionFits || !activityFits) {
      d.add(new NumericDocValuesField(IDS_STORED_ONLY, 1));
    }
    for (String id : issueIds) {
      d.add(new StringField(ISSUE_ID, id, Field.Store.YES));
    }
    if (r.truncated()) {
      d.add(new StoredField(TRUNCATED, 1));
    }
    if (r.otherFields() != null) {
      storeText(d, OTHER_FIELDS, r.otherFields());
    }
    return d;
  }

  /** The parsed record a document was made from, exactly. */
  public static Parsed fromDocument(Document d) {
    String source = d.get(SOURCE);
    Position.Kind pk = "line".equals(d.get(POSITION_KIND)) ? Position.Kind.LINE : Position.Kind.OFFSET;
    Position at = new Position(pk, d.getField(POSITION).numericValue().longValue());
    if (KIND_MALFORMED.equals(d.get(KIND))) {
      Malformed.Kind kind = Malformed.Kind.valueOf(d.get(MALFORMED_KIND).toUpperCase(Locale.ROOT));
      return new Malformed(source, at, kind, text(d, REASON), text(d, RAW));
    }
    IndexableField ts = d.getField(TIMESTAMP);
    return new LogRecord(source, at, ts == null ? null : ts.numericValue().longValue(),
        text(d, LEVEL), text(d, COMPONENT), text(d, RAW), text(d, SESSION_ID), text(d, ACTIVITY_ID),
        d.getField(TRUNCATED) != null, text(d, OTHER_FIELDS));
  }

  /** A stored text field as it was given, or null. */
  public static String text(Document d, String name) {
    IndexableField utf16 = d.getField(name + UTF16);
    if (utf16 != null) {
      BytesRef b = utf16.binaryValue();
      return fromUtf16(b.bytes, b.offset, b.length);
    }
    return d.get(name);
  }

  /** The stored fields a search hit needs. */
  public static Set<String> hitFields() {
    List<String> f = new ArrayList<>(List.of(TIMESTAMP, ISSUE_ID, POSITION_KIND, POSITION));
    for (String text : List.of(LEVEL, COMPONENT, SESSION_ID, ACTIVITY_ID, FILE, RAW)) {
      f.add(text);
      f.add(text + UTF16);
    }
    return Set.copyOf(f);
  }

  /** The longest sorted doc value Lucene accepts. */
  private static final int MAX_SORTED_VALUE_BYTES = 32766;
  /** First byte of a doc value that holds UTF-16BE (a lone surrogate); never in UTF-8. */
  private static final byte UTF16_MARK = (byte) 0xFF;

  /**
   * Adds an ID as a sorted doc value, encoded by {@link #idBytes}; false when it is too long
   * for doc values (it is stored anyway).
   */
  private static boolean idDocValue(Document d, String name, String id) {
    if (id == null) {
      return true;
    }
    BytesRef bytes = idBytes(id);
    if (bytes.length > MAX_SORTED_VALUE_BYTES) {
      return false;
    }
    d.add(new SortedDocValuesField(name, bytes));
    return true;
  }

  /** An ID as doc-value bytes: UTF-8, or a mark and UTF-16BE when UTF-8 cannot carry it. */
  static BytesRef idBytes(String id) {
    if (wellFormed(id)) {
      return new BytesRef(id);
    }
    byte[] utf16 = utf16(id);
    byte[] b = new byte[utf16.length + 1];
    b[0] = UTF16_MARK;
    System.arraycopy(utf16, 0, b, 1, utf16.length);
    return new BytesRef(b);
  }

  /** The ID that {@link #idBytes} encoded. */
  public static String idOf(BytesRef b) {
    if (b.length > 0 && b.bytes[b.offset] == UTF16_MARK) {
      return fromUtf16(b.bytes, b.offset + 1, b.length - 1);
    }
    return b.utf8ToString();
  }

  /** The stored fields that hold a record's IDs (for shards or records without doc values). */
  public static Set<String> idFields() {
    return Set.of(SESSION_ID, SESSION_ID + UTF16, ACTIVITY_ID, ACTIVITY_ID + UTF16);
  }

  /**
   * Indexes a keyword (lowercased when {@code lower}; cut to a length Lucene accepts) and
   * stores it as given.
   */
  private static void keyword(Document d, String name, String value, boolean lower) {
    if (value == null) {
      return;
    }
    String term = lower ? value.toLowerCase(Locale.ROOT) : value;
    if (term.length() > MAX_KEYWORD_CHARS) {
      term = term.substring(0, MAX_KEYWORD_CHARS);
    }
    d.add(new StringField(name, term, Field.Store.NO));
    storeText(d, name, value);
  }

  /**
   * Stores text. UTF-8, which Lucene stores, cannot carry a lone surrogate (a JSON
   * {@code \ud800} escape, say); such a text is stored as UTF-16 instead, so it reads back
   * unchanged.
   */
  private static void storeText(Document d, String name, String value) {
    if (value == null) {
      return;
    }
    if (wellFormed(value)) {
      d.add(new StoredField(name, value));
    } else {
      d.add(new StoredField(name + UTF16, utf16(value)));
    }
  }

  /**
   * The chars of {@code s} as big-endian pairs of bytes, lone surrogates included (the JDK's
   * UTF-16 encoder would replace them with U+FFFD).
   */
  private static byte[] utf16(String s) {
    byte[] b = new byte[2 * s.length()];
    for (int i = 0; i < s.length(); i++) {
      b[2 * i] = (byte) (s.charAt(i) >> 8);
      b[2 * i + 1] = (byte) s.charAt(i);
    }
    return b;
  }

  /** The text {@link #utf16} wrote. */
  private static String fromUtf16(byte[] b, int offset, int length) {
    char[] c = new char[length / 2];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) (((b[offset + 2 * i] & 0xFF) << 8) | (b[offset + 2 * i + 1] & 0xFF));
    }
    return new String(c);
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whole value as one token, lowercased: level, IDs, issue IDs, file. */
  static final class KeywordLowercase extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      KeywordTokenizer source = new KeywordTokenizer();
      return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }
}
