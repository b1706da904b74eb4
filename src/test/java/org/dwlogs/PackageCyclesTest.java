package org.dwlogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code src/main/java} form no cycle: a package that uses another is not used
 * by it, directly or through others. A use is an import or a qualified name of one of our
 * classes anywhere in the code (comments and string literals left out).
 */
class PackageCyclesTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;",
      Pattern.MULTILINE);
  /** {@code org.dwlogs.a.b.Type} or {@code org.dwlogs.a.b.*}: the package is group 1. */
  private static final Pattern USE = Pattern.compile(
      "\\b(org\\.dwlogs(?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)");
  private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
      "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'",
      Pattern.DOTALL);

  /**
   * Cycles known when this test was written, each to be removed here when it is broken:
   * {@code signatures.CatalogLoader} checks query syntax with {@code match.QueryCompiler} and
   * {@code match.LogAnalyzer}, and {@code signatures.MessagesFile} compares
   * {@code match.Match}es, while {@code match} reads the catalog's types.
   */
  private static final Set<Set<String>> KNOWN_CYCLES = Set.of(
      Set.of("org.dwlogs.signatures", "org.dwlogs.match"));

  @Test
  void theMainPackagesFormNoCycleButTheKnownOnes() throws IOException {
    Map<String, Set<String>> uses = packageUses(MAIN);
    assertThat(uses).as("packages read from %s", MAIN.toAbsolutePath()).hasSizeGreaterThan(10);
    List<Set<String>> cycles = cycles(uses);
    List<String> unexpected = new ArrayList<>();
    for (Set<String> cycle : cycles) {
      if (!KNOWN_CYCLES.contains(cycle)) {
        unexpected.add(describe(cycle, uses));
      }
    }
    assertThat(unexpected).as("package cycles (break each by moving the shared type to a "
        + "package both may use)").isEmpty();
    assertThat(new ArrayList<>(KNOWN_CYCLES)).as("known cycles that are gone: remove them from "
        + "KNOWN_CYCLES").allMatch(cycles::contains);
  }

  @Test
  void findsACycleThroughThreePackagesAndNoneInATree() {
    Map<String, Set<String>> uses = new TreeMap<>();
    uses.put("a", Set.of("b"));
    uses.put("b", Set.of("c", "d"));
    uses.put("c", Set.of("a"));
    uses.put("d", Set.of());
    uses.put("e", Set.of("d", "a"));
    assertThat(cycles(uses)).containsExactly(Set.of("a", "b", "c"));
    uses.put("c", Set.of("d"));
    assertThat(cycles(uses)).isEmpty();
  }

  @Test
  void readsImportsAndQualifiedNamesButNotCommentsOrStrings() {
    String source = """
        package org.dwlogs.x;
        import org.dwlogs.a.Type;
        import static org.dwlogs.b.Util.helper;
        import org.dwlogs.c.*;
        /** See {@link org.dwlogs.comment.Type}. */
        class X { Object o = new org.dwlogs.d.Other(); String s = "org.dwlogs.string.Type"; }
        // org.dwlogs.line.Type
        """;
    assertThat(uses(source)).containsExactlyInAnyOrder("org.dwlogs.a", "org.dwlogs.b",
        "org.dwlogs.c", "org.dwlogs.d");
  }

  /** Each package of {@code root} and the other packages of ours it uses. */
  private static Map<String, Set<String>> packageUses(Path root) throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path file : files) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Matcher pkg = PACKAGE.matcher(source);
      assertThat(pkg.find()).as("package declaration in %s", file).isTrue();
      Set<String> used = out.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
      uses(source).stream().filter(p -> !p.equals(pkg.group(1))).forEach(used::add);
    }
    return out;
  }

  private static Set<String> uses(String source) {
    String code = COMMENTS_AND_STRINGS.matcher(source).replaceAll(" ");
    code = PACKAGE.matcher(code).replaceAll(" ");
    Set<String> out = new TreeSet<>();
    Matcher m = USE.matcher(code);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The strongly connected components with more than one package (Tarjan's algorithm). */
  static List<Set<String>> cycles(Map<String, Set<String>> uses) {
    Tarjan t = new Tarjan(uses);
    for (String p : new TreeSet<>(uses.keySet())) {
      if (!t.index.containsKey(p)) {
        t.visit(p);
      }
    }
    return t.components;
  }

  private static final class Tarjan {
    final Map<String, Set<String>> uses;
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, Integer> low = new HashMap<>();
    final Deque<String> stack = new ArrayDeque<>();
    final Set<String> onStack = new TreeSet<>();
    final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Set<String>> uses) {
      this.uses = uses;
    }

    void visit(String v) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.push(v);
      onStack.add(v);
      for (String w : uses.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> component = new TreeSet<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }

  /** A cycle's packages and, for each, which of the others it uses. */
  private static String describe(Set<String> cycle, Map<String, Set<String>> uses) {
    StringBuilder b = new StringBuilder(String.join(", ", cycle)).append(':');
    for (String p : cycle) {
      Set<String> inCycle = new TreeSet<>(uses.getOrDefault(p, Set.of()));
      inCycle.retainAll(cycle);
      b.append("\n  ").append(p).append(" uses ").append(String.join(", ", inCycle));
    }
    return b.toString();
  }
}
