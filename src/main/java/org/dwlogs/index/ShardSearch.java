package org.dwlogs.index;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;

/**
 * One query over one shard, summed up: the per-shard half of every search, the same code
 * whether the shard is searched in a Spark task or in the driver, so both give the same result.
 *
 * <p>Counting reads doc values only (timestamp, session and activity ordinals); stored
 * documents, which are compressed in blocks and cost most, are loaded only for the candidates
 * of the newest hits. A shard without ID doc values (built before they were added) or a record
 * whose ID is too long for them has its IDs read from the stored fields instead: slower, same
 * counts.
 */
final class ShardSearch {
  private static final long DAY_MILLIS = 86_400_000L;
  /** Stands for "no timestamp" in the timestamp column; sorts after every real one. */
  private static final long NO_TIMESTAMP = Long.MIN_VALUE;

  /** What one shard (or, merged, the whole index) contributes to a search. */
  record Summary(long hits, Set<String> sessions, Set<String> activities,
      SortedMap<String, Long> dayHits, SortedMap<String, Set<String>> daySessions,
      List<Searcher.Hit> newest) implements Serializable {

    /** The sum of the parts; the newest {@code limit} hits of all of them. */
    static Summary merge(List<Summary> parts, int limit) {
      long hits = 0;
      Set<String> sessions = new HashSet<>();
      Set<String> activities = new HashSet<>();
      SortedMap<String, Long> dayHits = new TreeMap<>();
      SortedMap<String, Set<String>> daySessions = new TreeMap<>();
      List<Searcher.Hit> newest = new ArrayList<>();
      for (Summary p : parts) {
        hits += p.hits();
        sessions.addAll(p.sessions());
        activities.addAll(p.activities());
        p.dayHits().forEach((day, n) -> dayHits.merge(day, n, Long::sum));
        p.daySessions().forEach((day, s) ->
            daySessions.computeIfAbsent(day, k -> new HashSet<>()).addAll(s));
        newest.addAll(p.newest());
      }
      return new Summary(hits, sessions, activities, dayHits, daySessions,
          newestOf(newest, limit));
    }

    /** The result as printed: days with hits, their distinct sessions, hits without a day. */
    Searcher.Result toResult(IndexManifest manifest) {
      SortedMap<String, Searcher.Day> perDay = new TreeMap<>();
      long dated = 0;
      for (Map.Entry<String, Long> e : dayHits.entrySet()) {
        Set<String> s = daySessions.get(e.getKey());
        perDay.put(e.getKey(), new Searcher.Day(e.getValue(), s == null ? 0 : s.size()));
        dated += e.getValue();
      }
      return new Searcher.Result(hits, sessions.size(), activities.size(), hits - dated, perDay,
          newest, manifest);
    }
  }

  private ShardSearch() {}

  /** The summary of {@code query}'s hits in {@code reader}, with its newest {@code limit} hits. */
  static Summary summarize(IndexReader reader, Query query, int limit, boolean wholeMessage)
      throws IOException {
    Counted counted = count(reader, query);
    return counted.summary(threshold(List.of(counted.newestTimestamps(limit)), limit), limit,
        wholeMessage);
  }

  /**
   * The first half of a summary: the hits counted, from doc values only. The second half,
   * {@link Counted#summary}, reads the newest hits' stored documents; in between, a search over
   * many shards can take the newest timestamps of all of them ({@link #threshold}), so that
   * each shard reads only the hits that can be among the newest of all.
   */
  static Counted count(IndexReader reader, Query query) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Tally tally = new Tally();
    List<LeafHits> leaves = new ArrayList<>();
    for (LeafReaderContext ctx : reader.leaves()) {
      Scorer scorer = weight.scorer(ctx);
      if (scorer != null) {
        leaves.add(tally.count(ctx.reader(), scorer.iterator()));
      }
    }
    return new Counted(tally, leaves);
  }

  /**
   * The oldest timestamp among the newest {@code limit} of the given timestamps (each array
   * newest first, as {@link Counted#newestTimestamps} gives them); "no timestamp" when there are
   * no more than {@code limit}, so every hit may be among the newest.
   */
  static long threshold(List<long[]> newestTimestamps, int limit) {
    long[] all = newestTimestamps.stream().flatMapToLong(Arrays::stream).toArray();
    if (limit <= 0 || all.length <= limit) {
      return NO_TIMESTAMP;
    }
    Arrays.sort(all);
    return all[all.length - limit];
  }

  /** One shard's hits, counted; its stored documents not read yet. */
  static final class Counted {
    private final Tally tally;
    private final List<LeafHits> leaves;

    private Counted(Tally tally, List<LeafHits> leaves) {
      this.tally = tally;
      this.leaves = leaves;
    }

    /** The newest {@code limit} timestamps of the hits (no timestamp counts as oldest). */
    long[] newestTimestamps(int limit) {
      long[] all = leaves.stream().flatMapToLong(LeafHits::timestamps).toArray();
      Arrays.sort(all);
      long[] newest = new long[Math.max(0, Math.min(limit, all.length))];
      for (int i = 0; i < newest.length; i++) {
        newest[i] = all[all.length - 1 - i];
      }
      return newest;
    }

    /**
     * The summary, reading the stored documents of the hits at or after {@code threshold} (ties
     * included: the full order of {@link Searcher.NewestFirst} decides among them).
     */
    Summary summary(long threshold, int limit, boolean wholeMessage) throws IOException {
      List<Searcher.Hit> candidates = new ArrayList<>();
      if (limit > 0) {
        for (LeafHits leaf : leaves) {
          leaf.readAtOrAfter(threshold, wholeMessage, candidates);
        }
      }
      return new Summary(tally.hits, tally.sessions, tally.activities, tally.dayHits,
          tally.daySessions, newestOf(candidates, limit));
    }
  }

  /** The first {@code limit} of {@code hits} by {@link Searcher.NewestFirst}. */
  static List<Searcher.Hit> newestOf(List<Searcher.Hit> hits, int limit) {
    List<Searcher.Hit> sorted = new ArrayList<>(hits);
    sorted.sort(new Searcher.NewestFirst());
    return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  /** The hit of document {@code doc}, read from its stored fields. */
  static Searcher.Hit hit(StoredFields stored, int doc, boolean wholeMessage) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(IndexFields.hitFields());
    stored.document(doc, visitor);
    Document d = visitor.getDocument();
    var ts = d.getField(IndexFields.TIMESTAMP);
    String message = IndexFields.text(d, IndexFields.RAW);
    return new Searcher.Hit(ts == null ? null : ts.numericValue().longValue(),
        IndexFields.text(d, IndexFields.LEVEL), IndexFields.text(d, IndexFields.SESSION_ID),
        IndexFields.text(d, IndexFields.ACTIVITY_ID), IndexFields.text(d, IndexFields.COMPONENT),
        List.of(d.getValues(IndexFields.ISSUE_ID)), IndexFields.text(d, IndexFields.FILE),
        d.get(IndexFields.POSITION_KIND),
        d.getField(IndexFields.POSITION).numericValue().longValue(),
        wholeMessage ? message : Searcher.firstLineOf(message));
  }

  /** The counts of one shard, leaf by leaf. */
  private static final class Tally {
    long hits;
    final Set<String> sessions = new HashSet<>();
    final Set<String> activities = new HashSet<>();
    final SortedMap<String, Long> dayHits = new TreeMap<>();
    final SortedMap<String, Set<String>> daySessions = new TreeMap<>();
    private final Map<Long, String> dayNames = new HashMap<>();

    /** Counts the live documents of {@code docs}; returns them with their timestamps. */
    LeafHits count(LeafReader reader, DocIdSetIterator docs) throws IOException {
      Bits live = reader.getLiveDocs();
      NumericDocValues timestamps = DocValues.getNumeric(reader, IndexFields.TIMESTAMP);
      NumericDocValues storedOnly = DocValues.getNumeric(reader, IndexFields.IDS_STORED_ONLY);
      Ids ids = new Ids(reader);
      LeafHits out = new LeafHits(reader.storedFields());
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live != null && !live.get(d)) {
          continue;
        }
        hits++;
        ids.read(d, storedOnly.advanceExact(d));
        long ts = timestamps.advanceExact(d) ? timestamps.longValue() : NO_TIMESTAMP;
        out.add(d, ts);
        if (ids.session != null) {
          sessions.add(ids.session);
        }
        if (ids.activity != null) {
          activities.add(ids.activity);
        }
        if (ts != NO_TIMESTAMP) {
          String day = dayNames.computeIfAbsent(Math.floorDiv(ts, DAY_MILLIS),
              n -> Searcher.dayOf(n * DAY_MILLIS));
          dayHits.merge(day, 1L, Long::sum);
          if (ids.session != null) {
            daySessions.computeIfAbsent(day, k -> new HashSet<>()).add(ids.session);
          }
        }
      }
      return out;
    }
  }

  /**
   * The session and activity ID of one document: from sorted doc values (each ordinal looked up
   * once), else from its stored fields.
   */
  private static final class Ids {
    private final SortedDocValues sessionValues;
    private final SortedDocValues activityValues;
    private final String[] sessionNames;
    private final String[] activityNames;
    /** A shard written before the ID doc values: every ID comes from the stored fields. */
    private final boolean storedOnly;
    private final StoredFields stored;
    String session;
    String activity;

    Ids(LeafReader reader) throws IOException {
      FieldInfos fields = reader.getFieldInfos();
      boolean hasIds = fields.fieldInfo(IndexFields.SESSION_ID) != null
          || fields.fieldInfo(IndexFields.ACTIVITY_ID) != null;
      boolean hasValues = fields.fieldInfo(IndexFields.SESSION_ID_DV) != null
          || fields.fieldInfo(IndexFields.ACTIVITY_ID_DV) != null;
      storedOnly = hasIds && !hasValues;
      sessionValues = DocValues.getSorted(reader, IndexFields.SESSION_ID_DV);
      activityValues = DocValues.getSorted(reader, IndexFields.ACTIVITY_ID_DV);
      sessionNames = new String[sessionValues.getValueCount()];
      activityNames = new String[activityValues.getValueCount()];
      stored = reader.storedFields();
    }

    /** Reads the IDs of {@code doc}; {@code tooLong}: its record's IDs are stored only. */
    void read(int doc, boolean tooLong) throws IOException {
      if (storedOnly || tooLong) {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(IndexFields.idFields());
        stored.document(doc, visitor);
        Document d = visitor.getDocument();
        session = IndexFields.text(d, IndexFields.SESSION_ID);
        activity = IndexFields.text(d, IndexFields.ACTIVITY_ID);
        return;
      }
      session = value(sessionValues, sessionNames, doc);
      activity = value(activityValues, activityNames, doc);
    }

    private static String value(SortedDocValues values, String[] names, int doc)
        throws IOException {
      if (!values.advanceExact(doc)) {
        return null;
      }
      int ord = values.ordValue();
      if (names[ord] == null) {
        names[ord] = IndexFields.idOf(values.lookupOrd(ord));
      }
      return names[ord];
    }
  }

  /** The hits of one leaf, as document numbers and timestamps, in document order. */
  private static final class LeafHits {
    private final StoredFields stored;
    private int[] docs = new int[16];
    private long[] timestamps = new long[16];
    private int size;

    LeafHits(StoredFields stored) {
      this.stored = stored;
    }

    void add(int doc, long ts) {
      if (size == docs.length) {
        docs = ArrayUtil.grow(docs, size + 1);
        timestamps = ArrayUtil.growExact(timestamps, docs.length);
      }
      docs[size] = doc;
      timestamps[size++] = ts;
    }

    LongStream timestamps() {
      return Arrays.stream(timestamps, 0, size);
    }

    /** Adds the hits at or after {@code threshold} to {@code out}, read in document order. */
    void readAtOrAfter(long threshold, boolean wholeMessage, List<Searcher.Hit> out)
        throws IOException {
      for (int i = 0; i < size; i++) {
        if (timestamps[i] >= threshold) {
          out.add(hit(stored, docs[i], wholeMessage));
        }
      }
    }
  }
}
