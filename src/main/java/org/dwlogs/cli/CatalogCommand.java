package org.dwlogs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.match.CatalogCheck;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.MessagesFile;
import org.dwlogs.signatures.Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dwlogs catalog validate [FILE]}: checks a catalog without reading any log;
 * {@code dwlogs catalog test MESSAGES}: runs a messages file against it.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = "Work with the signature catalog.",
    subcommands = {CatalogCommand.Validate.class, CatalogTestCommand.class})
final class CatalogCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, usageHelpWidth = 100,
      description = {"Checks a catalog without reading any log.",
          "",
          "Loads the catalog and checks every entry: keys, ids, Lucene query syntax, regular",
          "expressions; then flags queries (or parts of them) that can never match, and pairs of",
          "entries that both match one entry's title (or one message of --messages) where",
          "neither overrides the other. Prints the entries, and one line per problem naming the",
          "file and entry (exit 1)."})
  static final class Validate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
        description = "Catalog to check, a local path or a Hadoop file system URI "
            + "(default: the bundled conf/signatures.yaml).")
    String file;

    @Option(names = "--messages", paramLabel = "FILE",
        description = "A messages file (as for 'catalog test'): each message that expects an "
            + "entry is also checked for a second entry matching it.")
    String messages;

    @Override
    public Integer call() {
      Catalog catalog = file == null ? CatalogLoader.bundled()
          : CatalogLoader.load(SourceFiles.of(file));
      MessagesFile documented = messages == null ? null
          : MessagesFile.load(SourceFiles.of(messages)).checkAgainst(catalog);
      PrintWriter out = spec.commandLine().getOut();
      for (Signature s : catalog.signatures()) {
        out.printf("%-32s %s%s%n", s.issueId(), s.inferred() ? "(inferred) " : "", s.title());
      }
      List<String> problems = new ArrayList<>();
      CatalogCheck.neverMatching(catalog).forEach(p -> problems.add(p.toString()));
      CatalogCheck.overlaps(catalog, documented).forEach(o -> problems.add(o.toString()));
      if (!problems.isEmpty()) {
        problems.forEach(p -> spec.commandLine().getErr().println(
            "dwlogs: " + catalog.source() + ": " + p));
        out.printf("%s: %d entries, %d %s%n", catalog.source(), catalog.signatures().size(),
            problems.size(), problems.size() == 1 ? "problem" : "problems");
        return ExitCodes.USAGE;
      }
      out.printf("%s: %d entries, valid (sha256 %s)%n",
          catalog.source(), catalog.signatures().size(), catalog.sha256());
      return ExitCodes.OK;
    }
  }
}
