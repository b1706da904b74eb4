package org.dwlogs.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the input files under the paths the user gave, recursively, on any Hadoop file
 * system. Like Hadoop, it skips names that start with {@code .} or {@code _} (hidden files,
 * {@code _SUCCESS} markers). The list is sorted by path, so runs are deterministic.
 */
public final class InputLister {
  private InputLister() {}

  public static List<InputFile> list(List<String> inputs, Configuration hadoop, LogFormat override) {
    TreeMap<String, InputFile> files = new TreeMap<>();
    for (String input : inputs) {
      Path path = new Path(input);
      try {
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus status;
        try {
          status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
          throw new InputException("input path does not exist: " + input);
        }
        if (status.isFile()) {
          add(files, status, input, override);
          continue;
        }
        String root = status.getPath().toString();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (!hidden(f.getPath(), status.getPath())) {
            String below = f.getPath().toString().substring(root.length());
            add(files, f, join(input, below), override);
          }
        }
      } catch (IOException e) {
        throw new InputException("cannot list input path " + input + ": " + e.getMessage(), e);
      }
    }
    List<InputFile> out = new ArrayList<>(files.values());
    out.sort(Comparator.comparing(InputFile::path));
    return out;
  }

  private static void add(TreeMap<String, InputFile> files, FileStatus f, String display,
      LogFormat override) {
    String path = f.getPath().toString();
    LogFormat format = override != null ? override : LogFormat.forFileName(f.getPath().getName());
    files.putIfAbsent(path,
        new InputFile(path, display, format, f.getLen(), f.getModificationTime()));
  }

  private static String join(String input, String below) {
    String base = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
    return below.startsWith("/") ? base + below : base + "/" + below;
  }

  /** True when the file or a folder between it and the listed root is hidden. */
  private static boolean hidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
