package org.dwlogs.aggregate;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Strings in code point order, which is the byte order of their UTF-8 form: how Spark SQL
 * sorted the report tables. {@link String#compareTo} compares UTF-16 units instead, and puts
 * characters above U+FFFF before U+E000..U+FFFF.
 */
final class CodePointOrder implements Comparator<String>, Serializable {
  static final CodePointOrder INSTANCE = new CodePointOrder();
  /** Nulls first, as Spark's ascending order puts them. */
  static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(INSTANCE);
  private static final long serialVersionUID = 1L;

  private CodePointOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
