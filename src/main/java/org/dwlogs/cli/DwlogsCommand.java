package org.dwlogs.cli;

import org.dwlogs.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dwlogs} command line: one subcommand per job. */
@Command(name = "dwlogs",
    mixinStandardHelpOptions = true,
    versionProvider = DwlogsCommand.VersionProvider.class,
    usageHelpWidth = 100,
    description = {
        "Finds documented Dynamics 365 dual-write errors in logs (text, JSON Lines, CSV; gzip too)",
        "and writes CSV reports per issue, day and session. Runs on embedded Spark (local[*])",
        "unless --master or spark-submit says otherwise."},
    subcommands = {ReportCommand.class, NightlyCommand.class, CatalogCommand.class, ExplainCommand.class,
        BenchCommand.class, GenerateCommand.class,
        IndexCommand.class, SearchCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 done, 1 usage or configuration error, 2 input or output problem,",
        "3 too many malformed records, 4 internal error, 5 locked (nightly: another run holds the lock)."})
public final class DwlogsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    ErrorHandler handler = new ErrorHandler();
    return new CommandLine(new DwlogsCommand())
        .setExecutionExceptionHandler(handler)
        .setParameterExceptionHandler(handler)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dwlogs " + Version.get()};
    }
  }
}
