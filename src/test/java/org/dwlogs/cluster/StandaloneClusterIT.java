package org.dwlogs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dwlogs.cli.DwlogsCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The job jar on a real Spark standalone cluster on 127.0.0.1, built from the Maven Spark
 * jars alone (target/lib, no Spark download): a Master and two Workers (1 core, 1 GB each) as
 * child JVMs, a SPARK_HOME whose jars/ links to target/lib and whose bin/spark-submit runs
 * Spark's own launcher (org.apache.spark.launcher.Main, then org.apache.spark.deploy.SparkSubmit
 * in a child JVM, as Spark's bin/spark-class does). The job is submitted through jobs/submit
 * in client and in cluster deploy mode, and once more while a Worker (with its executor) is
 * killed after the first Spark job finished; every run must write the same CSV files, byte
 * for byte, as a local run. Every process started here is stopped by PID, with its
 * descendants, in @AfterAll and by a JVM shutdown hook.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final String HOST = "127.0.0.1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> CSVS = List.of("issue_summary.csv", "issue_daily.csv",
      "issue_sessions.csv", "version_mismatch.csv", "unmatched_errors.csv",
      "quarantine/malformed.csv");

  static final List<Process> started = Collections.synchronizedList(new ArrayList<>());
  static final Thread HOOK = new Thread(StandaloneClusterIT::stopAll, "stop-spark-cluster");

  static Path tmp;
  static Path sparkHome;
  static Path input;
  static Path reference;
  static int masterPort;
  static int masterUi;
  static Process master;
  static final List<Process> workers = new ArrayList<>();

  @BeforeAll
  static void startClusterAndRunLocally() throws Exception {
    Runtime.getRuntime().addShutdownHook(HOOK);
    tmp = Files.createTempDirectory(ROOT.resolve("target"), "it-cluster-");
    sparkHome = fakeSparkHome(tmp.resolve("spark-home"));
    input = ROOT.resolve("sample-logs");

    masterPort = freePort();
    masterUi = freePort();
    master = start("master", List.of("org.apache.spark.deploy.master.Master",
        "--host", HOST, "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi)));
    waitFor("the master's web UI", 60, () -> masterJson() != null);
    for (int i = 0; i < 2; i++) {
      Path work = Files.createDirectories(tmp.resolve("work-" + i));
      workers.add(start("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
          "--host", HOST, "--webui-port", Integer.toString(freePort()), "--cores", "1",
          "--memory", "1g", "--work-dir", work.toString(), masterUrl())));
    }
    waitFor("two alive workers", 60, () -> aliveWorkers() == 2);

    // The reference: the same command on embedded Spark, in this JVM.
    reference = tmp.resolve("local");
    int code = DwlogsCommand.commandLine().execute("report", "--master", "local[2]",
        "--progress-interval", "0", "--input", input.toString(), "--output", reference.toString());
    assertThat(code).isZero();
  }

  @AfterAll
  static void stopCluster() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(HOOK);
    } catch (IllegalStateException ignored) {
      // shutting down: the hook runs anyway
    }
  }

  /** Stops every started process and its descendants, by PID. */
  static void stopAll() {
    List<Process> all;
    synchronized (started) {
      all = new ArrayList<>(started);
    }
    for (Process p : all) {
      kill(p.toHandle());
    }
  }

  static void kill(ProcessHandle p) {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    tree.add(p);
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported by the leak check of the caller, if any
      }
    }
  }

  @Test
  @Order(1)
  void jobJarHasNoSparkAndRelocatedLuceneServices() throws IOException {
    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(jobJar().toFile())) {
      List<String> names = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
      assertThat(names).noneMatch(n -> n.startsWith("org/apache/spark/"))
          .noneMatch(n -> n.startsWith("org/apache/hadoop/"))
          .noneMatch(n -> n.startsWith("scala/"))
          .noneMatch(n -> n.startsWith("org/apache/lucene/"))
          .noneMatch(n -> n.startsWith("com/opencsv/"))
          .noneMatch(n -> n.startsWith("picocli/"))
          .noneMatch(n -> n.startsWith("com/fasterxml/"))
          .contains("org/dwlogs/cli/DwlogsCommand.class", "dwlogs-conf/signatures.yaml",
              "META-INF/services/org.dwlogs.shaded.lucene.codecs.Codec");
      for (String service : names.stream()
          .filter(n -> n.startsWith("META-INF/services/org.dwlogs.shaded.lucene.")).toList()) {
        String text = new String(jar.getInputStream(jar.getEntry(service)).readAllBytes(), StandardCharsets.UTF_8);
        List<String> impls = text.lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(impls).as(service).isNotEmpty()
            .allSatisfy(c -> assertThat(c).startsWith("org.dwlogs.shaded.lucene."));
        for (String c : impls) {
          assertThat(names).as(service).contains(c.replace('.', '/') + ".class");
        }
      }
      assertThat(names).noneMatch(n -> n.startsWith("META-INF/services/org.apache.lucene."));
    }
  }

  @Test
  @Order(2)
  void clientModeWritesTheSameReportsAsALocalRun() throws Exception {
    Path out = tmp.resolve("client");
    Process p = submit("client", List.of("--deploy-mode", "client", "--conf", "spark.ui.enabled=false"),
        List.of("--catalog", "conf/signatures.yaml"), out);
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("client-mode run finished").isTrue();
    assertThat(p.exitValue()).as(tail("submit-client")).isZero();
    assertSameReports(out);
  }

  @Test
  @Order(3)
  void clusterModeWritesTheSameReportsAsALocalRun() throws Exception {
    Path out = tmp.resolve("cluster");
    Process p = submit("cluster", List.of("--deploy-mode", "cluster",
            "--conf", "spark.standalone.submit.waitAppCompletion=true",
            "--conf", "spark.ui.enabled=false"),
        // A Hadoop file system URI: the driver runs on a worker and reads it from there.
        List.of("--catalog", ROOT.resolve("conf/signatures.yaml").toUri().toString()), out);
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("cluster-mode run finished").isTrue();
    assertThat(p.exitValue()).as(tail("submit-cluster")).isZero();
    assertThat(out.resolve("_SUCCESS")).as(tail("submit-cluster")).exists();
    // The driver really ran inside a worker.
    try (Stream<Path> drivers = Files.find(tmp, 3, (f, a) -> f.getFileName().toString().startsWith("driver-"))) {
      assertThat(drivers.count()).isPositive();
    }
    assertSameReports(out);
  }

  @Test
  @Order(4)
  void killingAWorkerMidRunStillCompletesWithTheSameReports() throws Exception {
    Path out = tmp.resolve("worker-killed");
    int ui = freePort();
    Process p = submit("killed", List.of("--deploy-mode", "client",
            "--conf", "spark.ui.port=" + ui, "--conf", "spark.ui.bindAddress=" + HOST), List.of(), out);
    // Wait until the app's first Spark job succeeded (the inputs are read and cached on both
    // executors), then kill a worker and its executor, as when a machine is lost.
    String api = "http://" + HOST + ":" + ui + "/api/v1/applications";
    waitFor("the first finished Spark job of the run", 120, () -> {
      assertThat(p.isAlive()).as(tail("submit-killed")).isTrue();
      JsonNode apps = json(api);
      if (apps == null || apps.size() == 0) {
        return false;
      }
      JsonNode jobs = json(api + "/" + apps.get(0).get("id").asText() + "/jobs");
      if (jobs == null) {
        return false;
      }
      for (JsonNode j : jobs) {
        if ("SUCCEEDED".equals(j.get("status").asText())) {
          return true;
        }
      }
      return false;
    });
    assertThat(p.isAlive()).as("the run was still going when the worker was killed").isTrue();
    Process victim = workers.get(0);
    assertThat(victim.toHandle().descendants().count()).as("the worker runs an executor").isPositive();
    kill(victim.toHandle());
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("run finished after the worker was killed").isTrue();
    String log = Files.readString(tmp.resolve("submit-killed.log"));
    assertThat(p.exitValue()).as(tail("submit-killed")).isZero();
    assertThat(log).as("the driver saw the executor go").containsIgnoringCase("lost executor");
    assertSameReports(out);
  }

  // ------------------------------------------------------------------ helpers --

  static void assertSameReports(Path out) throws IOException {
    assertThat(out.resolve("_SUCCESS")).exists();
    for (String name : CSVS) {
      assertThat(Files.readString(out.resolve(name))).as(name)
          .isEqualTo(Files.readString(reference.resolve(name)));
      assertThat(Files.readAllBytes(out.resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(reference.resolve(name)));
    }
  }

  /** Runs jobs/submit against the cluster; returns the spark-submit process. */
  static Process submit(String name, List<String> sparkOptions, List<String> dwlogsOptions, Path out)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("jobs/submit").toString(),
        "--master", masterUrl(), "--driver-memory", "512m", "--executor-memory", "512m",
        "--conf", "spark.driver.host=" + HOST, "--conf", "spark.driver.bindAddress=" + HOST,
        "--conf", "spark.sql.shuffle.partitions=4"));
    cmd.addAll(sparkOptions);
    cmd.addAll(List.of("--", "report", "--input", input.toString(), "--output", out.toString(),
        "--progress-interval", "2"));
    cmd.addAll(dwlogsOptions);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    environment(pb.environment());
    pb.environment().put("DWLOGS_JOB_JAR", jobJar().toString());
    pb.redirectErrorStream(true).redirectOutput(tmp.resolve("submit-" + name + ".log").toFile());
    Process p = pb.start();
    started.add(p);
    return p;
  }

  /** Starts a Spark daemon class in a child JVM on target/lib. */
  static Process start(String name, List<String> mainAndArgs) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp",
        ROOT.resolve("target/lib").toString() + "/*"));
    cmd.addAll(opens());
    cmd.add("-Dspark.master.rest.enabled=false");
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    environment(pb.environment());
    pb.redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
    Process p = pb.start();
    started.add(p);
    return p;
  }

  static void environment(Map<String, String> env) {
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", HOST);
    env.put("SPARK_LOCAL_HOSTNAME", HOST);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("SPARK_CONF_DIR");
    env.remove("HADOOP_CONF_DIR");
  }

  /** A SPARK_HOME made of links to target/lib and a bin/spark-submit that runs Spark's launcher. */
  static Path fakeSparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> lib = Files.list(ROOT.resolve("target/lib"))) {
      for (Path jar : lib.filter(f -> f.toString().endsWith(".jar")).toList()) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
      }
    }
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path submit = bin.resolve("spark-submit");
    // What Spark's bin/spark-submit and bin/spark-class do, minus spark-env.sh.
    Files.writeString(submit, String.join("\n",
        "#!/usr/bin/env bash",
        "set -e",
        "export SPARK_HOME=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"",
        "RUNNER=\"${JAVA_HOME:+$JAVA_HOME/bin/}java\"",
        "CMD=()",
        // The launcher prints a NUL and a line end, then the command's words, each ended by a NUL.
        "{ IFS= read -r _; while IFS= read -d '' -r ARG; do CMD+=(\"$ARG\"); done; } < <(\"$RUNNER\" -Xmx128m "
            + "-cp \"$SPARK_HOME/jars/*\" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit \"$@\"; "
            + "printf '%d\\0' $?)",
        "LAST=$((${#CMD[@]} - 1))",
        "[ \"${CMD[$LAST]}\" = 0 ] || exit \"${CMD[$LAST]}\"",
        "exec \"${CMD[@]:0:$LAST}\"",
        ""));
    submit.toFile().setExecutable(true);
    return home;
  }

  static List<String> opens() {
    return List.of("-XX:+IgnoreUnrecognizedVMOptions",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
        "-Dio.netty.tryReflectionSetAccessible=true");
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Path jobJar() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("dwlogs-.*-job\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no job jar in target/: run mvn package first"));
    }
  }

  static String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  static JsonNode masterJson() {
    return json("http://" + HOST + ":" + masterUi + "/json");
  }

  static int aliveWorkers() {
    JsonNode m = masterJson();
    int n = 0;
    if (m != null) {
      for (JsonNode w : m.path("workers")) {
        if ("ALIVE".equals(w.path("state").asText())) {
          n++;
        }
      }
    }
    return n;
  }

  static JsonNode json(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(2000);
      if (c.getResponseCode() != 200) {
        return null;
      }
      try (InputStream in = c.getInputStream()) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      return null;
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void waitFor(String what, int seconds, Check check) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (check.ok()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out after " + seconds + " s waiting for " + what
        + "\n" + tail("master") + "\n" + tail("worker-0"));
  }

  /** The end of a child's log, for failure messages. */
  static String tail(String name) {
    try {
      List<String> lines = Files.readAllLines(tmp.resolve(name + ".log"));
      return "--- " + name + ".log ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no " + name + ".log)";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }
}
