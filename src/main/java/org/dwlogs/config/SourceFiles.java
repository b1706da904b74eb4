package org.dwlogs.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a configuration or catalog file comes from: a path the user gave, or the jar. */
public final class SourceFiles {
  private SourceFiles() {}

  /** A named, re-openable source of bytes. */
  public interface Source {
    String name();

    InputStream open() throws IOException;
  }

  /** A file on the local disk. */
  public static Source file(Path path) {
    return new Source() {
      @Override
      public String name() {
        return path.toString();
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }
    };
  }

  /** A resource bundled in the jar (copied there from {@code conf/} at build time). */
  public static Source bundled(String resource) {
    return new Source() {
      @Override
      public String name() {
        return "conf/" + resource.substring(resource.lastIndexOf('/') + 1) + " (bundled)";
      }

      @Override
      public InputStream open() throws IOException {
        InputStream in = SourceFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
          throw new IOException("resource " + resource + " is missing from the jar");
        }
        return in;
      }
    };
  }
}
