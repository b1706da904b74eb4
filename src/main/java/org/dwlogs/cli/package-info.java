/**
 * The command line: one picocli command per job ({@code report}, {@code nightly}, {@code index},
 * {@code search}, {@code explain}, {@code catalog}, {@code generate}, {@code bench}), kept thin:
 * each reads its flags, loads the configuration and catalog, builds {@code run.RunOptions} or
 * its job's settings and runs the job on the driver. {@code ErrorHandler} turns known failures
 * into one line and an {@code ExitCodes} code; anything else is shown with its stack trace.
 */
package org.dwlogs.cli;
