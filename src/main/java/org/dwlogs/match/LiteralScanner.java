package org.dwlogs.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds which of a fixed set of literals occur in a text, in one pass over its characters or
 * its UTF-8 bytes, whatever the number of literals: an Aho-Corasick automaton with a dense
 * transition table. Lucene's automata say whether one of many literals occurs, not which, so
 * this small one is written here.
 *
 * <p>Text and literals are compared in a <em>folded</em> form that the analyser's tokens
 * survive: ASCII letters lowercased, letters, digits and {@code _} kept, every other character
 * (punctuation, spaces, anything outside ASCII) one separator, runs of separators one. A
 * phrase of tokens therefore becomes one literal ({@code refused to connect} also finds
 * {@code "Refused  to\nconnect"}). The analyser's own rewrites fold the same way: the JSON
 * escapes it reads as spaces or quotes ({@code \n}, {@code \r}, {@code \t}, {@code \u0027},
 * {@code \u2019}, {@code \u0022}) are separators, and the two non-ASCII letters whose lower
 * case is ASCII (U+0130 and the Kelvin sign U+212A) fold to {@code i} and {@code k}.
 *
 * <p>Immutable and thread-safe; the per-text state lives in a {@link Hits}.
 */
public final class LiteralScanner {
  /** Folded symbols: 0 is the separator, then a-z, 0-9 and '_'. */
  static final int SEPARATOR = 0;
  private static final int SYMBOLS = 38;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = (byte) (1 + c - 'a');
      ASCII[Character.toUpperCase(c)] = (byte) (1 + c - 'a');
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = (byte) (27 + c - '0');
    }
    ASCII['_'] = 37;
  }

  private final String[] literals;
  /**
   * The transitions, failure links resolved: {@code next[row + symbol]} is the row
   * ({@code state * SYMBOLS}) of the next state, with the sign bit set when a literal ends
   * there, so the common step costs one lookup.
   */
  private final int[] next;
  private static final int ENDS_HERE = Integer.MIN_VALUE;
  /** The literal that ends at a state, or -1. */
  private final int[] literalAt;
  /** The nearest state down the failure chain (or the state itself) where a literal ends; 0 if none. */
  private final int[] firstOutput;
  /** From a state where a literal ends, the next such state down its failure chain; 0 if none. */
  private final int[] nextOutput;

  private LiteralScanner(String[] literals, int[] next, int[] literalAt, int[] firstOutput,
      int[] nextOutput) {
    this.literals = literals;
    this.next = next;
    this.literalAt = literalAt;
    this.firstOutput = firstOutput;
    this.nextOutput = nextOutput;
  }

  /**
   * A scanner for {@code literals} (each folded first; ids are their indexes here; no two may
   * fold alike, see {@link #foldedKey}). A literal that folds to nothing, such as one of
   * punctuation only, can never be found.
   */
  public static LiteralScanner of(List<String> literals) {
    List<int[]> gotos = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    List<Boolean> afterSeparator = new ArrayList<>();
    gotos.add(newRow());
    ends.add(-1);
    afterSeparator.add(true); // the start: a leading separator changes nothing
    for (int id = 0; id < literals.size(); id++) {
      byte[] folded = fold(literals.get(id));
      if (folded.length == 0) {
        continue;
      }
      int state = 0;
      for (byte symbol : folded) {
        int[] row = gotos.get(state);
        if (row[symbol] < 0) {
          row[symbol] = gotos.size();
          gotos.add(newRow());
          ends.add(-1);
          afterSeparator.add(symbol == SEPARATOR);
        }
        state = row[symbol];
      }
      if (ends.get(state) >= 0) {
        throw new IllegalArgumentException("literals " + ends.get(state) + " and " + id
            + " fold to the same text: '" + literals.get(id) + "'");
      }
      ends.set(state, id);
    }
    int states = gotos.size();
    int[] next = new int[states * SYMBOLS];
    int[] fail = new int[states];
    int[] literalAt = ends.stream().mapToInt(Integer::intValue).toArray();
    int[] firstOutput = new int[states];
    int[] nextOutput = new int[states];
    // Breadth first, so a state's failure target is complete before the state itself.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s = 0; s < SYMBOLS; s++) {
      int child = gotos.get(0)[s];
      next[s] = Math.max(child, 0);
      if (child > 0) {
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      int f = fail[state];
      nextOutput[state] = firstOutput[f];
      firstOutput[state] = literalAt[state] >= 0 ? state : firstOutput[f];
      int[] row = gotos.get(state);
      for (int s = 0; s < SYMBOLS; s++) {
        if (row[s] > 0) {
          fail[row[s]] = next[f * SYMBOLS + s];
          next[state * SYMBOLS + s] = row[s];
          queue.add(row[s]);
        } else {
          next[state * SYMBOLS + s] = next[f * SYMBOLS + s];
        }
      }
    }
    // A run of separators folds to one: a state entered by a separator stays put on another.
    // (Its children never start with one: folded literals have no two separators in a row.)
    for (int state = 0; state < states; state++) {
      if (afterSeparator.get(state)) {
        next[state * SYMBOLS + SEPARATOR] = state;
      }
    }
    int[] rows = new int[next.length];
    for (int i = 0; i < next.length; i++) {
      rows[i] = next[i] * SYMBOLS | (firstOutput[next[i]] != 0 ? ENDS_HERE : 0);
    }
    return new LiteralScanner(literals.toArray(String[]::new), rows, literalAt, firstOutput,
        nextOutput);
  }

  private static int[] newRow() {
    int[] row = new int[SYMBOLS];
    Arrays.fill(row, -1);
    return row;
  }

  public int size() {
    return literals.length;
  }

  public String literal(int id) {
    return literals[id];
  }

  /** A new, empty set of hits for texts scanned by this scanner. */
  public Hits newHits() {
    return new Hits(literals.length);
  }

  /** {@code text} folded: the symbols a literal is made of, without leading or trailing separators. */
  static byte[] fold(CharSequence text) {
    byte[] out = new byte[text.length()];
    int n = 0;
    boolean separator = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int symbol = symbol(c);
      if (c == '\\') {
        i += escapeLength(text, i + 1);
      }
      if (symbol == SEPARATOR && separator) {
        continue;
      }
      separator = symbol == SEPARATOR;
      out[n++] = (byte) symbol;
    }
    while (n > 0 && out[n - 1] == SEPARATOR) {
      n--;
    }
    return Arrays.copyOf(out, n);
  }

  private static int symbol(char c) {
    if (c < 128) {
      return ASCII[c];
    }
    return c == '\u0130' ? ASCII['i'] : c == '\u212A' ? ASCII['k'] : SEPARATOR;
  }

  /**
   * Adds to {@code hits} the literals that occur in {@code text}, continuing from where the
   * last scan into {@code hits} stopped (so texts scanned one after another are one text,
   * joined by a separator when {@link #separate} is called between them).
   */
  public void scan(CharSequence text, Hits hits) {
    int row = hits.row;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      int symbol;
      if (c < 128) {
        symbol = ASCII[c];
        if (c == '\\') {
          int skip = escapeLength(text, i + 1);
          hits.shifted |= skip > 0;
          i += skip;
        }
      } else {
        symbol = symbol(c);
        hits.shifted |= symbol != SEPARATOR; // U+0130 or the Kelvin sign read as a letter
      }
      row = step(row, symbol, hits, i);
    }
    hits.row = row;
  }

  /** Ends the text scanned into {@code hits} so far with a separator, as a space would. */
  public void separate(Hits hits) {
    hits.row = next[hits.row + SEPARATOR] & ~ENDS_HERE; // no literal ends in a separator
  }

  /** The row after {@code symbol}, the literals that end there added to {@code hits}. */
  private int step(int row, int symbol, Hits hits, int at) {
    int to = next[row + symbol];
    if (to >= 0) {
      return to;
    }
    int state = (to & ~ENDS_HERE) / SYMBOLS;
    report(state, hits, at);
    return to & ~ENDS_HERE;
  }

  private void report(int state, Hits hits, int at) {
    for (int o = firstOutput[state]; o != 0; o = nextOutput[o]) {
      hits.add(literalAt[o], at);
    }
  }

  /** The folded form of {@code text} as a string: two literals with the same one are one. */
  public static String foldedKey(CharSequence text) {
    return new String(fold(text), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * Adds to {@code hits} the literals in the UTF-8 bytes {@code bytes[from, to)}: the same as
   * {@link #scan(CharSequence, Hits)} on their decoded text (bytes that are not valid UTF-8
   * are separators, as U+FFFD would be).
   */
  public void scan(byte[] bytes, int from, int to, Hits hits) {
    int row = hits.row;
    for (int i = from; i < to; i++) {
      int b = bytes[i];
      int symbol;
      if (b >= 0) {
        symbol = ASCII[b];
        if (b == '\\') {
          int skip = escapeLength(bytes, i + 1, to);
          hits.shifted |= skip > 0;
          i += skip;
        }
      } else if (b == (byte) 0xC4 && i + 1 < to && bytes[i + 1] == (byte) 0xB0) {
        symbol = ASCII['i'];
        hits.shifted = true;
        i++;
      } else if (b == (byte) 0xE2 && i + 2 < to && bytes[i + 1] == (byte) 0x84
          && bytes[i + 2] == (byte) 0xAA) {
        symbol = ASCII['k'];
        hits.shifted = true;
        i += 2;
      } else {
        symbol = SEPARATOR;
      }
      row = step(row, symbol, hits, i);
    }
    hits.row = row;
  }

  /**
   * How many characters after a backslash at {@code from - 1} belong to an escape that the
   * analyser turns into a space or a quote ({@link LogAnalyzer#prepare}): 1 for {@code \n},
   * {@code \r}, {@code \t}; 5 for {@code \u0027}, {@code \u2019}, {@code \u0022}; else 0.
   */
  private static int escapeLength(CharSequence text, int from) {
    if (from >= text.length()) {
      return 0;
    }
    char c = text.charAt(from);
    if (c == 'n' || c == 'r' || c == 't') {
      return 1;
    }
    if (c == 'u' && from + 4 < text.length()) {
      char a = text.charAt(from + 1);
      char b = text.charAt(from + 2);
      char d = text.charAt(from + 3);
      char e = text.charAt(from + 4);
      if (quoteEscape(a, b, d, e)) {
        return 5;
      }
    }
    return 0;
  }

  private static int escapeLength(byte[] bytes, int from, int to) {
    if (from >= to) {
      return 0;
    }
    byte c = bytes[from];
    if (c == 'n' || c == 'r' || c == 't') {
      return 1;
    }
    if (c == 'u' && from + 4 < to
        && quoteEscape((char) bytes[from + 1], (char) bytes[from + 2], (char) bytes[from + 3],
            (char) bytes[from + 4])) {
      return 5;
    }
    return 0;
  }

  /** 0027, 2019 or 0022: the hex digits of the escapes the analyser turns into quotes. */
  private static boolean quoteEscape(char a, char b, char c, char d) {
    return (a == '0' && b == '0' && ((c == '2' && (d == '7' || d == '2'))))
        || (a == '2' && b == '0' && c == '1' && d == '9');
  }

  /**
   * The literals found in the texts scanned since the last {@link #clear()}: a reusable,
   * mutable set (one per thread), cleared in constant time. It also keeps where each literal
   * first ended, for a caller that wants to know where a word is without looking again.
   */
  public static final class Hits {
    private final int[] stamp;
    private final int[] found;
    private final int[] firstEnd;
    private int size;
    private int epoch = 1;
    private int row;
    /** Whether a scan skipped an escape or folded several bytes into one symbol. */
    private boolean shifted;

    private Hits(int literals) {
      this.stamp = new int[literals];
      this.found = new int[literals];
      this.firstEnd = new int[literals];
    }

    /** Forgets every hit and the scan position: the next scan starts a new text. */
    public void clear() {
      size = 0;
      row = 0;
      shifted = false;
      if (++epoch == Integer.MAX_VALUE) {
        Arrays.fill(stamp, 0);
        epoch = 1;
      }
    }

    private void add(int literal, int at) {
      if (stamp[literal] != epoch) {
        stamp[literal] = epoch;
        firstEnd[literal] = at;
        found[size++] = literal;
      }
    }

    /**
     * The index (in the scanned text or byte array) of the last character or byte of the
     * first occurrence of {@code literal}, or -1 when it was not found.
     */
    public int firstEnd(int literal) {
      return stamp[literal] == epoch ? firstEnd[literal] : -1;
    }

    /**
     * True when every character or byte scanned stood for itself: no escape was skipped, no
     * letter outside ASCII (in chars or in several bytes) was read as an ASCII one. Then a
     * found literal made only of ASCII letters, digits and {@code _} is, in some mix of
     * cases, the characters or bytes that end at its {@link #firstEnd}.
     */
    public boolean positionsExact() {
      return !shifted;
    }

    public int size() {
      return size;
    }

    /** The {@code i}-th distinct literal found, in the order found. */
    public int get(int i) {
      return found[i];
    }

    public boolean contains(int literal) {
      return stamp[literal] == epoch;
    }
  }
}
