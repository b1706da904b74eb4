package org.dwlogs.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that computes its next element on demand; {@link #computeNext()} returns null
 * at the end. For readers that skip input (blank lines) or stop early (a broken file), and
 * for the index's shard readers.
 */
public abstract class NextIterator<T> implements Iterator<T> {
  private T next;
  private boolean done;

  /** The next element, or null when there is none. */
  protected abstract T computeNext();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = computeNext();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T out = next;
    next = null;
    return out;
  }
}
