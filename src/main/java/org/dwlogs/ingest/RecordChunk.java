package org.dwlogs.ingest;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/**
 * What {@link MultiLineTextInputFormat} reads: one record's text, a run of orphan lines
 * (lines before the file's first record start), one line of a file without any record
 * start, or the error that stopped the file's reading
 * (a corrupt gzip stream, a file that cannot be opened), with its byte offset and whether it
 * was cut. Hadoop reuses the instance between records: copy out what you keep.
 */
public final class RecordChunk implements Writable {
  /** What a chunk holds. */
  public enum Type { RECORD, ORPHANS, UNREADABLE, NO_RECORD_START }

  private long offset;
  private Type type = Type.RECORD;
  private boolean truncated;
  private String text = "";
  /** An ASCII chunk's bytes (the reader's buffer, reused), or null when it is text. */
  private byte[] ascii;
  private int asciiLength;
  private int asciiFirstLine;
  private boolean asciiControl;

  void set(long offset, Type type, boolean truncated, String text) {
    this.offset = offset;
    this.type = type;
    this.truncated = truncated;
    this.text = text;
    this.ascii = null;
  }

  /** A chunk of ASCII bytes, {@code bytes[0, length)}; its text is made only when asked for. */
  void setAscii(long offset, Type type, boolean truncated, byte[] bytes, int length,
      int firstLineLength, boolean control) {
    this.offset = offset;
    this.type = type;
    this.truncated = truncated;
    this.text = null;
    this.ascii = bytes;
    this.asciiLength = length;
    this.asciiFirstLine = firstLineLength;
    this.asciiControl = control;
  }

  /** An ASCII chunk's first line length (where its first line end is), as the reader found it. */
  int asciiFirstLine() {
    return asciiFirstLine;
  }

  /** True when an ASCII chunk holds control characters other than tab and line ends, or DEL. */
  boolean asciiControl() {
    return asciiControl;
  }

  /** The chunk's bytes when all of them are ASCII, read in place; else null (see {@link #text()}). */
  public org.dwlogs.parse.AsciiText ascii() {
    return ascii == null ? null : new org.dwlogs.parse.AsciiText(ascii, 0, asciiLength);
  }

  public Type type() {
    return type;
  }

  /** True for an {@link Type#UNREADABLE} chunk, whose text says why the file could not be read. */
  public boolean unreadable() {
    return type == Type.UNREADABLE;
  }

  public long offset() {
    return offset;
  }

  public boolean orphan() {
    return type == Type.ORPHANS;
  }

  /** True for one line of a file in which no layout found a record start. */
  public boolean noRecordStart() {
    return type == Type.NO_RECORD_START;
  }

  public boolean truncated() {
    return truncated;
  }

  public String text() {
    if (text == null) {
      text = new String(ascii, 0, asciiLength, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    return text;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(offset);
    out.writeByte(type.ordinal());
    out.writeBoolean(truncated);
    Text.writeString(out, text());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    offset = in.readLong();
    type = Type.values()[in.readByte()];
    truncated = in.readBoolean();
    text = Text.readString(in);
    ascii = null;
  }
}
