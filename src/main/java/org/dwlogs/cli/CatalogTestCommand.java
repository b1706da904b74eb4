package org.dwlogs.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.match.DualWriteContext;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.MessagesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dwlogs catalog test MESSAGES}: every message of a messages file against a catalog,
 * judged by {@link MessagesFile.Item#compare}, the comparison the test suite uses too.
 */
@Command(name = "test", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {"Runs a messages file against a catalog.",
        "",
        "Each message (a YAML list of items with id, expect: an issue_id or none, text, and",
        "optionally source, context and extract) is matched as the report job matches a",
        "record. Prints every message that matches otherwise than expected, then a summary.",
        "Exit 0 when all match as expected, 1 on any mismatch or a malformed file."})
final class CatalogTestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MESSAGES", description = "The messages file (YAML).")
  String messages;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Catalog to test (default: the bundled conf/signatures.yaml).")
  String catalog;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Job configuration whose context.dual_write rule decides when generic "
          + "entries count (default: the bundled conf/dwlogs.yaml).")
  String config;

  @Override
  public Integer call() {
    Catalog signatures = catalog == null ? CatalogLoader.bundled()
        : CatalogLoader.load(SourceFiles.of(catalog));
    JobConfig job = config == null ? ConfigLoader.bundled() : ConfigLoader.load(SourceFiles.of(config));
    MessagesFile file = MessagesFile.load(SourceFiles.of(messages)).checkAgainst(signatures);
    SignatureMatcher matcher = new SignatureMatcher(signatures,
        new DualWriteContext(job.context().dualWrite()));
    PrintWriter out = spec.commandLine().getOut();
    int mismatches = 0;
    for (MessagesFile.Item item : file.items()) {
      Optional<MessagesFile.Mismatch> m = item.compare(matcher.match(item.text(), item.context()));
      if (m.isPresent()) {
        mismatches++;
        m.get().lines().forEach(out::println);
      }
    }
    out.printf("%s: %d %s, %d %s (catalog %s)%n", file.source(), file.items().size(),
        file.items().size() == 1 ? "message" : "messages", mismatches,
        mismatches == 1 ? "mismatch" : "mismatches", signatures.source());
    return mismatches == 0 ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
