package org.dwlogs.ingest;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/**
 * What {@link MultiLineTextInputFormat} reads: one record's text, or a run of orphan lines
 * (lines before the file's first record start), with its byte offset and whether it was cut.
 * Hadoop reuses the instance between records: copy out what you keep.
 */
public final class RecordChunk implements Writable {
  private long offset;
  private boolean orphan;
  private boolean truncated;
  private String text = "";

  void set(long offset, boolean orphan, boolean truncated, String text) {
    this.offset = offset;
    this.orphan = orphan;
    this.truncated = truncated;
    this.text = text;
  }

  public long offset() {
    return offset;
  }

  public boolean orphan() {
    return orphan;
  }

  public boolean truncated() {
    return truncated;
  }

  public String text() {
    return text;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(offset);
    out.writeBoolean(orphan);
    out.writeBoolean(truncated);
    Text.writeString(out, text);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    offset = in.readLong();
    orphan = in.readBoolean();
    truncated = in.readBoolean();
    text = Text.readString(in);
  }
}
