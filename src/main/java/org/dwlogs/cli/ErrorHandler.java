package org.dwlogs.cli;

import java.io.IOException;
import org.dwlogs.config.ConfigException;
import org.dwlogs.ingest.InputException;
import org.dwlogs.job.TooManyMalformedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns known failures into one clear line and an exit code; anything unexpected is printed
 * with its stack trace and exits {@link ExitCodes#INTERNAL}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof ConfigException) {
      return fail(cmd, e.getMessage(), ExitCodes.USAGE);
    }
    if (e instanceof TooManyMalformedException) {
      return fail(cmd, e.getMessage(), ExitCodes.TOO_MANY_MALFORMED);
    }
    if (e instanceof InputException || e instanceof IOException) {
      return fail(cmd, e.getMessage(), ExitCodes.INPUT);
    }
    cmd.getErr().println("dwlogs: internal error: " + e);
    e.printStackTrace(cmd.getErr());
    return ExitCodes.INTERNAL;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("dwlogs: " + e.getMessage());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    return ExitCodes.USAGE;
  }

  private static int fail(CommandLine cmd, String message, int code) {
    cmd.getErr().println("dwlogs: " + message);
    return code;
  }
}
