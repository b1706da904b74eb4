package org.dwlogs.report.trend;

import java.math.BigDecimal;

/**
 * One issue's row of {@code trends.csv}. The {@code prev*} values are null when no earlier run
 * is available, the means when none of the compared days is; {@code daysAvailable} is how
 * many earlier runs the means are over, {@code prevLabel} which one {@code prev*} is.
 */
public record Trend(String issueId, String title, long occurrences, long sessions,
    Long prevOccurrences, Long prevSessions, BigDecimal mean7Occurrences,
    BigDecimal mean7Sessions, Status status, int daysAvailable, String prevLabel) {}
