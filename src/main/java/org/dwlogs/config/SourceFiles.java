package org.dwlogs.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

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

  /**
   * A file on any Hadoop file system ({@code file://}, {@code hdfs://}, {@code s3a://},
   * {@code abfss://}, ...), read through {@link org.apache.hadoop.fs.FileSystem}. The file
   * system is looked up when the file is opened, so a bad URI fails there, naming the file.
   */
  public static Source hadoop(String uri, Configuration hadoop) {
    return new Source() {
      @Override
      public String name() {
        return uri;
      }

      @Override
      public InputStream open() throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        return path.getFileSystem(hadoop).open(path);
      }
    };
  }

  /**
   * The source a {@code --catalog} or {@code --config} value names: a Hadoop file system URI
   * when it has a scheme ({@code hdfs://nn/conf/signatures.yaml}, {@code file:///etc/x.yaml}),
   * else a path on the local disk. URIs are read with {@link #hadoopConfiguration()}, since
   * these files are loaded before Spark starts.
   */
  public static Source of(String value) {
    return hasScheme(value) ? hadoop(value, hadoopConfiguration()) : file(Path.of(value));
  }

  /** True for {@code scheme:...} with a scheme of two or more letters (not a Windows drive). */
  public static boolean hasScheme(String value) {
    int colon = value.indexOf(':');
    if (colon < 2) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = value.charAt(i);
      boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Hadoop configuration for reading files before Spark starts: {@code core-site.xml} and
   * friends from the class path (spark-submit puts {@code HADOOP_CONF_DIR} there), plus every
   * {@code spark.hadoop.*} system property with its prefix removed, as Spark itself does. So
   * {@code --conf spark.hadoop.fs.s3a.endpoint=...} reaches the catalog's file system too.
   */
  public static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.startsWith("spark.hadoop.")) {
        conf.set(key.substring("spark.hadoop.".length()), String.valueOf(e.getValue()));
      }
    }
    return conf;
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
