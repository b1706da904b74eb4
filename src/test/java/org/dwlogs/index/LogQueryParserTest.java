package org.dwlogs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dwlogs.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The search syntax, without Spark: fields, case, timestamps, and one-line syntax errors. */
class LogQueryParserTest {
  static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void keywordFieldsIgnoreCase() {
    assertThat(LogQueryParser.compile("level:ERROR"))
        .isEqualTo(new TermQuery(new Term("level", "error")));
    assertThat(LogQueryParser.compile("issue_id:Link-403-TokenExchange"))
        .isEqualTo(new TermQuery(new Term("issue_id", "link-403-tokenexchange")));
    assertThat(LogQueryParser.compile("session_id:4BF3FC02-F6DF-4AAB-8068-EE14DECC3A86"))
        .isEqualTo(new TermQuery(new Term("session_id", "4bf3fc02-f6df-4aab-8068-ee14decc3a86")));
  }

  @Test
  void theMessageIsAnalysedLikeTheCatalogWithAndBetweenTerms() throws Exception {
    for (org.dwlogs.signatures.Signature s : org.dwlogs.signatures.CatalogLoader.bundled().signatures()) {
      assertThat(LogQueryParser.compile(s.query())).as(s.issueId()).isEqualTo(
          new org.dwlogs.match.QueryCompiler(new org.dwlogs.match.LogAnalyzer()).compile(s.query()));
    }
    assertThat(LogQueryParser.compile("doesn't Unauthorized").toString())
        .isEqualTo("+(+message:does +message:not) +message:unauthorized");
    assertThat(LogQueryParser.compile("\"refused to connect\"").toString())
        .isEqualTo("message:\"refused to connect\"");
  }

  @Test
  void aDayIsTheWholeUtcDayInRangesAndTerms() {
    Query day = LongPoint.newRangeQuery("timestamp", ms("2026-11-20T00:00:00Z"),
        ms("2026-11-21T00:00:00Z") - 1);
    assertThat(LogQueryParser.compile("timestamp:[2026-11-20 TO 2026-11-20]")).isEqualTo(day);
    assertThat(LogQueryParser.compile("timestamp:2026-11-20")).isEqualTo(day);
    assertThat(LogQueryParser.compile("timestamp:{2026-11-19 TO 2026-11-21}")).isEqualTo(day);
    assertThat(LogQueryParser.compile("timestamp:[2026-11-20T06:00:00Z TO *]"))
        .isEqualTo(LongPoint.newRangeQuery("timestamp", ms("2026-11-20T06:00:00Z"), Long.MAX_VALUE));
    assertThat(LogQueryParser.compile("timestamp:[* TO 2026-11-20T08:00:00+02:00}"))
        .isEqualTo(LongPoint.newRangeQuery("timestamp", Long.MIN_VALUE, ms("2026-11-20T06:00:00Z") - 1));
    assertThat(LogQueryParser.compile("timestamp:\"2026-11-20T06:00:00.5Z\""))
        .isEqualTo(LongPoint.newExactQuery("timestamp", ms("2026-11-20T06:00:00.500Z")));
  }

  @Test
  void aSyntaxErrorIsOneLineThatSaysWhere() {
    assertThatThrownBy(() -> LogQueryParser.compile("issue_id:(map-create-401 OR"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
            .startsWith("query is not valid: ").contains("column"));
    assertThatThrownBy(() -> LogQueryParser.compile("\"token exchange"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("column"));
  }

  @Test
  void anUnknownFieldOrABadTimestampIsAnErrorNotZeroHits() {
    assertThatThrownBy(() -> LogQueryParser.compile("sesion_id:abc"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown field 'sesion_id'")
        .hasMessageContaining("session_id");
    assertThatThrownBy(() -> LogQueryParser.compile("timestamp:[yesterday TO *]"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'yesterday'");
    assertThatThrownBy(() -> LogQueryParser.compile("timestamp:2026*"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a prefix query");
  }

  @Test
  void theReadmeExamplesParse() {
    for (String q : java.util.List.of("issue_id:map-create-401",
        "session_id:4bf3fc02-f6df-4aab-8068-ee14decc3a86",
        "activity_id:8b9ff043-a0d6-4994-bf40-cb5078026890",
        "\"token exchange\" AND timestamp:2026-11-20", "level:error AND NOT issue_id:*",
        "\"status code does not indicate success\" AND (401 OR 403)",
        "issue_id:solution-version-mismatch",
        "\"unable to complete initial data sync\" AND msdyn_customergroups",
        "\"refused to connect\" AND file:*gateway*",
        "(timeout OR \"timed out\") AND (level:warn OR level:error OR level:fatal)")) {
      assertThat(LogQueryParser.compile(q)).as(q).isNotNull();
    }
  }
}
