package org.dwlogs.aggregate;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * An exact set of ID strings that keeps the common case small: a string in the canonical GUID
 * form ({@code IdExtractor.normalize} output: 36 characters, lowercase hex, dashes at 8, 13,
 * 18 and 23) is held as two longs in a primitive open-addressing table, anything else as a
 * string. {@link #size()} is the exact number of distinct strings added, as a
 * {@code HashSet<String>} would count them: a dashed GUID and the same hex without dashes
 * are different strings, and so is an uppercase GUID.
 *
 * <p>The pair (0, 0) marks an empty slot; the all-zero GUID, which {@code normalize} turns
 * into null anyway, is kept in a flag of its own. Mutable, not thread-safe: one per task, then
 * {@link #merge merged}. Java serialization writes only the live pairs.
 */
public final class DistinctIds implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MIN_CAPACITY = 16;
  /** GUIDs added but not yet in the table: they are inserted a batch at a time. */
  private static final int BATCH = 64;

  /** Slot i holds (pairs[2i], pairs[2i+1]); a power of two slots, at most half full. */
  private transient long[] pairs = new long[2 * MIN_CAPACITY];
  private transient int guids;
  private transient boolean zeroGuid;
  private transient Set<String> others = new HashSet<>();
  private transient long[] pending = new long[2 * BATCH];
  private transient int pendingCount;
  /** The sum of the slots read ahead by the last {@link #flush}: meaningless, but kept. */
  private transient long touched;

  /** Adds {@code id}; null is ignored (as {@code countDistinct} ignores nulls). */
  public void add(String id) {
    if (id == null) {
      return;
    }
    if (id.length() == 36) {
      // Reads the canonical form and its value in one pass; anything else is a string.
      long hi = 0;
      long lo = 0;
      int i = 0;
      for (; i < 36; i++) {
        char c = id.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          if (c != '-') {
            break;
          }
          continue;
        }
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) {
          break;
        }
        if (i < 19) {
          hi = hi << 4 | digit;
        } else {
          lo = lo << 4 | digit;
        }
      }
      if (i == 36) {
        addGuid(hi, lo);
        return;
      }
    }
    others.add(id);
  }

  /** Adds the GUID whose 32 hex digits are those of {@code hi} then {@code lo}. */
  public void addGuid(long hi, long lo) {
    if (hi == 0 && lo == 0) {
      zeroGuid = true;
      return;
    }
    pending[2 * pendingCount] = hi;
    pending[2 * pendingCount + 1] = lo;
    if (++pendingCount == BATCH) {
      flush();
    }
  }

  /**
   * Inserts the pending GUIDs. A table larger than the caches costs a memory access per
   * insert; reading the first slot of each pending GUID in one loop of independent loads lets
   * the processor fetch them side by side, where one insert at a time among the parsing of
   * records waits for each in turn.
   */
  private void flush() {
    int n = pendingCount;
    pendingCount = 0;
    if (n == 0) {
      return;
    }
    // Grow first, so that the slots read below are those the inserts use.
    while (2 * (guids + n) > pairs.length / 2) {
      grow();
    }
    long[] table = pairs;
    int mask = table.length / 2 - 1;
    long touched = 0;
    for (int i = 0; i < n; i++) {
      touched += table[2 * ((int) mix(pending[2 * i], pending[2 * i + 1]) & mask)];
    }
    this.touched = touched; // kept, so that the loop is not optimised away
    for (int i = 0; i < n; i++) {
      if (insert(table, pending[2 * i], pending[2 * i + 1])) {
        guids++;
      }
    }
  }

  /** Adds every ID of {@code other} to this set; returns this. */
  public DistinctIds merge(DistinctIds other) {
    other.flush();
    long[] p = other.pairs;
    for (int i = 0; i < p.length; i += 2) {
      if (p[i] != 0 || p[i + 1] != 0) {
        addGuid(p[i], p[i + 1]);
      }
    }
    zeroGuid |= other.zeroGuid;
    others.addAll(other.others);
    return this;
  }

  /** The exact number of distinct IDs added. */
  public long size() {
    flush();
    return guids + (zeroGuid ? 1L : 0L) + others.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * This set split into {@code n} disjoint sets by a hash of each ID: the same ID falls in
   * the same bucket in every set, so the distinct count of a union is the sum over buckets of
   * each bucket's merged size.
   */
  public DistinctIds[] buckets(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("bucket count must be at least 1: " + n);
    }
    flush();
    DistinctIds[] out = new DistinctIds[n];
    for (int b = 0; b < n; b++) {
      out[b] = new DistinctIds();
    }
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] != 0 || pairs[i + 1] != 0) {
        // The high half of the hash: the table slots use the low bits.
        out[Math.floorMod((int) (mix(pairs[i], pairs[i + 1]) >>> 32), n)]
            .addGuid(pairs[i], pairs[i + 1]);
      }
    }
    if (zeroGuid) {
      out[0].zeroGuid = true;
    }
    for (String s : others) {
      out[Math.floorMod(s.hashCode() * 0x9E3779B9, n)].others.add(s);
    }
    return out;
  }

  /** A well-spread 64-bit hash of a pair (the finaliser of MurmurHash3 over both halves). */
  private static long mix(long hi, long lo) {
    long h = hi * 0x9E3779B97F4A7C15L ^ lo;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }

  /** Inserts a non-zero pair into the table; false when it was there already. */
  private static boolean insert(long[] table, long hi, long lo) {
    int mask = table.length / 2 - 1;
    int slot = (int) mix(hi, lo) & mask;
    while (true) {
      long h = table[2 * slot];
      long l = table[2 * slot + 1];
      if (h == 0 && l == 0) {
        table[2 * slot] = hi;
        table[2 * slot + 1] = lo;
        return true;
      }
      if (h == hi && l == lo) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    long[] old = pairs;
    pairs = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        insert(pairs, old[i], old[i + 1]);
      }
    }
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    flush();
    out.defaultWriteObject();
    out.writeInt(guids);
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] != 0 || pairs[i + 1] != 0) {
        out.writeLong(pairs[i]);
        out.writeLong(pairs[i + 1]);
      }
    }
    out.writeBoolean(zeroGuid);
    out.writeInt(others.size());
    for (String s : others) {
      out.writeObject(s);
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int n = in.readInt();
    int capacity = MIN_CAPACITY;
    while (capacity < 2L * n) {
      capacity *= 2;
    }
    pairs = new long[2 * capacity];
    pending = new long[2 * BATCH];
    for (int i = 0; i < n; i++) {
      insert(pairs, in.readLong(), in.readLong());
    }
    guids = n;
    zeroGuid = in.readBoolean();
    int m = in.readInt();
    others = new HashSet<>(Math.max(16, m * 2));
    for (int i = 0; i < m; i++) {
      others.add((String) in.readObject());
    }
  }
}
