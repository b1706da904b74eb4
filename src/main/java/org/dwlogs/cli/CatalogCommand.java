package org.dwlogs.cli;

import java.util.concurrent.Callable;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dwlogs catalog validate [FILE]}: checks a catalog without reading any log. */
@Command(name = "catalog", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = "Work with the signature catalog.",
    subcommands = CatalogCommand.Validate.class)
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
          "expressions. Prints the entries, or one line naming the file, entry and problem."})
  static final class Validate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
        description = "Catalog to check, a local path or a Hadoop file system URI "
            + "(default: the bundled conf/signatures.yaml).")
    String file;

    @Override
    public Integer call() {
      Catalog catalog = file == null ? CatalogLoader.bundled()
          : CatalogLoader.load(SourceFiles.of(file));
      for (Signature s : catalog.signatures()) {
        spec.commandLine().getOut().printf("%-32s %s%s%n", s.issueId(),
            s.inferred() ? "(inferred) " : "", s.title());
      }
      spec.commandLine().getOut().printf("%s: %d entries, valid (sha256 %s)%n",
          catalog.source(), catalog.signatures().size(), catalog.sha256());
      return ExitCodes.OK;
    }
  }
}
