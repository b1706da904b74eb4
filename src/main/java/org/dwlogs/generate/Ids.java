package org.dwlogs.generate;

/**
 * The session and activity IDs of generated logs, computed from the seed and an index (no
 * tables in memory): session {@code i} of {@link #SESSIONS}; activity {@code i} of
 * {@link #ACTIVITIES}, where session {@code s} owns activities {@code s * 4 .. s * 4 + 3} and
 * the rest are activities that belong to no session. Also renders GUIDs fast.
 */
final class Ids {
  /** The session pool. */
  static final int SESSIONS = 20_000;
  /** Activity slots per session. */
  static final int ACTIVITIES_PER_SESSION = 4;
  /** Activities that belong to no session. */
  static final int LOOSE_ACTIVITIES = 1_000_000;
  static final int ACTIVITIES = SESSIONS * ACTIVITIES_PER_SESSION + LOOSE_ACTIVITIES;

  private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  private static final long SESSION_SALT = 0x5E5510A5E5510A5EL;
  private static final long ACTIVITY_SALT = 0xAC71B17AC71B17ACL;

  /** How an ID is written: lowercase, uppercase, each optionally in braces. */
  enum Style { LOWER, UPPER, BRACED, BRACED_UPPER }

  private final long seed;

  Ids(long seed) {
    this.seed = seed;
  }

  void appendSession(StringBuilder sb, int index, Style style) {
    long h = mix(seed ^ SESSION_SALT ^ (index * 0x9E3779B97F4A7C15L));
    append(sb, h, mix(h ^ SESSION_SALT), style);
  }

  void appendActivity(StringBuilder sb, int index, Style style) {
    long h = mix(seed ^ ACTIVITY_SALT ^ (index * 0x9E3779B97F4A7C15L));
    append(sb, h, mix(h ^ ACTIVITY_SALT), style);
  }

  String session(int index) {
    StringBuilder sb = new StringBuilder(36);
    appendSession(sb, index, Style.LOWER);
    return sb.toString();
  }

  String activity(int index) {
    StringBuilder sb = new StringBuilder(36);
    appendActivity(sb, index, Style.LOWER);
    return sb.toString();
  }

  /** A random version-4 GUID in lowercase (correlation ids, connection ids and the like). */
  static void appendRandom(StringBuilder sb, java.util.SplittableRandom rng) {
    append(sb, rng.nextLong(), rng.nextLong(), Style.LOWER);
  }

  static void append(StringBuilder sb, long hi, long lo, Style style) {
    hi = (hi & ~0xF000L) | 0x4000L;                   // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10xx
    char[] hex = style == Style.UPPER || style == Style.BRACED_UPPER ? HEX_UPPER : HEX_LOWER;
    boolean braced = style == Style.BRACED || style == Style.BRACED_UPPER;
    if (braced) {
      sb.append('{');
    }
    digits(sb, hi >>> 32, 8, hex);
    sb.append('-');
    digits(sb, hi >>> 16, 4, hex);
    sb.append('-');
    digits(sb, hi, 4, hex);
    sb.append('-');
    digits(sb, lo >>> 48, 4, hex);
    sb.append('-');
    digits(sb, lo, 12, hex);
    if (braced) {
      sb.append('}');
    }
  }

  private static void digits(StringBuilder sb, long v, int n, char[] hex) {
    for (int i = (n - 1) * 4; i >= 0; i -= 4) {
      sb.append(hex[(int) (v >>> i) & 0xF]);
    }
  }

  /** SplitMix64's finaliser: a good 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
