package org.dwlogs.match;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Compiles catalog queries: classic Lucene query-parser syntax, default field
 * {@value LogAnalyzer#MESSAGE_FIELD}, terms joined by AND unless the query says OR.
 */
public final class QueryCompiler {
  private final Analyzer analyzer;

  public QueryCompiler(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The compiled query; throws {@link ParseException} with the position of a syntax error. */
  public Query compile(String query) throws ParseException {
    QueryParser parser = new QueryParser(LogAnalyzer.MESSAGE_FIELD, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setSplitOnWhitespace(true);
    return parser.parse(query);
  }
}
