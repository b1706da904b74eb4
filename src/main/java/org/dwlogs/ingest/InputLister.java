package org.dwlogs.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Lists the input files under the paths the user gave, recursively, on any Hadoop file
 * system. Like Hadoop, it skips names that start with {@code .} or {@code _} (hidden files,
 * {@code _SUCCESS} markers). The list is sorted by path, so runs are deterministic.
 *
 * <p>An input that exists is read as named, even when its name holds glob characters
 * ({@code dw[1].log}); one that does not exist but holds a glob character ({@code *},
 * {@code ?}, {@code [} or an opening brace) is a glob pattern,
 * expanded with Hadoop's {@code FileSystem.globStatus}. The listed files are then always read
 * by their names, never as patterns.
 */
public final class InputLister {
  private static final Pattern GLOB_CHARS = Pattern.compile("[*?\\[{]");

  private InputLister() {}

  public static List<InputFile> list(List<String> inputs, Configuration hadoop, LogFormat override) {
    TreeMap<String, InputFile> files = new TreeMap<>();
    for (String input : inputs) {
      Path path = new Path(input);
      try {
        FileSystem fs = path.getFileSystem(hadoop);
        for (Match m : statuses(fs, path, input)) {
          addAll(files, fs, m.status(), m.display(), override, hadoop);
        }
      } catch (IOException e) {
        throw new InputException("cannot list input path " + input + ": " + e.getMessage(), e);
      }
    }
    List<InputFile> out = new ArrayList<>(files.values());
    out.sort(Comparator.comparing(InputFile::path));
    return out;
  }

  /** A path an input names, with the path as the user would write it. */
  private record Match(FileStatus status, String display) {}

  private static List<Match> statuses(FileSystem fs, Path path, String input) throws IOException {
    try {
      return List.of(new Match(fs.getFileStatus(path), input));
    } catch (FileNotFoundException e) {
      if (!GLOB_CHARS.matcher(input).find()) {
        throw new InputException("input path does not exist: " + input);
      }
    }
    FileStatus[] matched = fs.globStatus(path);
    if (matched == null || matched.length == 0) {
      throw new InputException("input glob matches no file: " + input);
    }
    String prefix = literalPrefix(input);
    String qualifiedPrefix = (prefix.isEmpty() ? fs.getWorkingDirectory()
        : fs.makeQualified(new Path(prefix))).toString();
    List<Match> out = new ArrayList<>();
    for (FileStatus s : matched) {
      String name = s.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue; // hidden, as in a folder's listing
      }
      String full = s.getPath().toString();
      String display = full;
      if (full.startsWith(qualifiedPrefix + "/")) {
        String below = full.substring(qualifiedPrefix.length() + 1);
        display = prefix.isEmpty() ? below : join(prefix, below);
      }
      out.add(new Match(s, display));
    }
    if (out.isEmpty()) {
      throw new InputException("input glob matches no file: " + input);
    }
    return out;
  }

  /** The folders of a glob before its first component with a glob character. */
  private static String literalPrefix(String glob) {
    Matcher first = GLOB_CHARS.matcher(glob);
    int at = first.find() ? first.start() : glob.length();
    int slash = glob.lastIndexOf('/', at);
    return slash < 0 ? "" : glob.substring(0, slash);
  }

  private static void addAll(TreeMap<String, InputFile> files, FileSystem fs, FileStatus status,
      String display, LogFormat override, Configuration hadoop) throws IOException {
    if (status.isFile()) {
      add(files, fs, status, display, override, hadoop);
      return;
    }
    String root = status.getPath().toString();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      if (!hidden(f.getPath(), status.getPath())) {
        String below = f.getPath().toString().substring(root.length());
        add(files, fs, f, join(display, below), override, hadoop);
      }
    }
  }

  private static void add(TreeMap<String, InputFile> files, FileSystem fs, FileStatus f,
      String display, LogFormat override, Configuration hadoop) throws IOException {
    String path = f.getPath().toString();
    if (files.containsKey(path)) {
      return;
    }
    String name = f.getPath().getName();
    LogFormat format = override != null ? override : LogFormat.forFileName(name);
    if (override == null && format == LogFormat.JSONL && LogFormat.maybeJsonDocument(name)) {
      format = sniff(fs, f.getPath(), hadoop);
    }
    files.put(path, new InputFile(path, display, format, f.getLen(), f.getModificationTime()));
  }

  /** JSON Lines or a JSON document, by the file's first value (see {@link JsonShape}). */
  private static LogFormat sniff(FileSystem fs, Path path, Configuration hadoop) {
    try {
      InputStream raw = fs.open(path);
      CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
      return JsonShape.sniff(codec == null ? raw : codec.createInputStream(raw));
    } catch (IOException e) {
      return LogFormat.JSONL; // unreadable: the reader reports it by name
    }
  }

  private static String join(String input, String below) {
    if (below.isEmpty()) {
      return input;
    }
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
