package org.dwlogs.generate;

/**
 * The kinds of file the generator writes: where they go, their format, how they write
 * timestamps and levels, and their share of the requested size. The shares add up to 1.
 */
enum Layout {
  /** Dual-write service log: {@code 2026-11-20T01:02:03.456Z ERROR [Component] message}. */
  SERVICE("service/dualwrite-service", ".log", Format.TEXT, false, 0.33, 192, Stamp.ISO_Z, Words.UPPER),
  /** Data integrator worker: {@code 2026-11-20 01:02:03,456 WARNING [Component] message}. */
  INTEGRATOR("integrator/data-integrator-worker", ".log", Format.TEXT, false, 0.20, 160, Stamp.COMMA_MILLIS, Words.UPPER_LONG),
  /** F&amp;O AOS log in local time: {@code 2026-11-20T03:02:03+02:00 Error message}, no component. */
  AOS("aos/fno-aos-dualwrite", ".txt", Format.TEXT, false, 0.10, 128, Stamp.PLUS_TWO, Words.TITLE),
  /** On-premises gateway in local time: {@code 2026-11-19T20:02:03.456-05:00 INFO [Component] message}. */
  GATEWAY("gateway/onprem-gateway-us-east", ".log", Format.TEXT, false, 0.05, 128, Stamp.MINUS_FIVE, Words.UPPER),
  /** Live sync JSON Lines: {@code @timestamp, severity, component, msg, session_id, activity_id}. */
  LIVESYNC("livesync/livesync", ".jsonl", Format.JSONL, false, 0.13, 128, Stamp.ISO_Z, Words.TITLE),
  /** Telemetry export: {@code Time, Severity, Component, Message, Session, RootActivityId}. */
  TELEMETRY("appinsights/dmf-telemetry", ".ndjson", Format.JSONL, false, 0.04, 96, Stamp.ISO_7, Words.TITLE),
  /** DualWriteErrorLog table export, CRLF: {@code RecId,Created On,Level,...,Session ID,Activity ID,Message}. */
  ERRORLOG("errorlog/DualWriteErrorLog-export", ".csv", Format.CSV, false, 0.07, 64, Stamp.SPACE_SECONDS, Words.TITLE),
  /** Activity log export, LF: {@code timestamp,severity,table_map,status,session_id,Root Activity ID,message,duration_ms}. */
  ACTIVITY("activitylog/dualwrite-activity-log", ".csv", Format.CSV, false, 0.03, 64, Stamp.ISO_Z, Words.UPPER),
  /** Rotated service logs, gzip: {@code 2026-11-20 01:02:03.456 ERROR [Component] message}. */
  SERVICE_ARCHIVE("service/archive/dualwrite-service", ".log.gz", Format.TEXT, true, 0.03, 16, Stamp.DOT_MILLIS, Words.UPPER),
  /** Rotated live sync JSON Lines, gzip: {@code time} in epoch milliseconds, lowercase {@code level}. */
  LIVESYNC_ARCHIVE("livesync/archive/livesync", ".jsonl.gz", Format.JSONL, true, 0.02, 16, Stamp.EPOCH_MILLIS, Words.LOWER);

  enum Format { TEXT, JSONL, CSV }

  /** Timestamp forms; the zone-less ones are UTC. */
  enum Stamp {
    ISO_Z(0, true), COMMA_MILLIS(0, true), DOT_MILLIS(0, true), PLUS_TWO(120, false),
    MINUS_FIVE(-300, true), ISO_7(0, true), SPACE_SECONDS(0, false), EPOCH_MILLIS(0, true);

    final int offsetMinutes;
    final boolean millis;

    Stamp(int offsetMinutes, boolean millis) {
      this.offsetMinutes = offsetMinutes;
      this.millis = millis;
    }
  }

  /** How level words are written. */
  enum Words { UPPER, UPPER_LONG, TITLE, LOWER }

  final String stem;
  final String extension;
  final Format format;
  final boolean gzip;
  final double share;
  /** The largest file of this layout, in MiB on disk. */
  final int maxFileMiB;
  final Stamp stamp;
  final Words words;

  Layout(String stem, String extension, Format format, boolean gzip, double share, int maxFileMiB,
      Stamp stamp, Words words) {
    this.stem = stem;
    this.extension = extension;
    this.format = format;
    this.gzip = gzip;
    this.share = share;
    this.maxFileMiB = maxFileMiB;
    this.stamp = stamp;
    this.words = words;
  }
}
