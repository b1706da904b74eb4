package org.dwlogs.ingest;

import java.io.Serializable;

/**
 * One input file as listed: its fully qualified path, the path as the user would write it
 * (the input they gave, joined with the path below it; used in the manifest and reports),
 * its format, size and modification time.
 */
public record InputFile(String path, String display, LogFormat format, long bytes,
    long modifiedMillis)
    implements Serializable {}
