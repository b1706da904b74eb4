package org.dwlogs.fuzz;

import java.util.Map;

/**
 * A generated file and what reading it must give, known by construction: how many records
 * and malformed entries together ({@code -1} where the damage makes that open), and the
 * message of each good record by its session ID.
 */
record FuzzedFile(String name, byte[] bytes, long expectedEntries,
    Map<String, String> goodMessageBySession, long goodMatchingMap401) {

  int goodRecords() {
    return goodMessageBySession.size();
  }
}
