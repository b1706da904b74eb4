package org.dwlogs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.RecordReader;

/** A Hadoop record reader's chunks as an iterator, for tests that read as a task reads. */
public final class ReaderChunks {
  private ReaderChunks() {}

  /** The reader's chunks as an iterator; a reader exception fails the caller, as it would a task. */
  public static Iterator<RecordChunk> of(RecordReader<LongWritable, RecordChunk> reader) {
    return new Iterator<>() {
      private Boolean ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          try {
            ahead = reader.nextKeyValue();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        return ahead;
      }

      @Override
      public RecordChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ahead = null;
        try {
          return reader.getCurrentValue();
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
