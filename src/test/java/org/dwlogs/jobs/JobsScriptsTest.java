package org.dwlogs.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler examples and the spark-submit wrapper in jobs/: jobs/submit builds the right
 * spark-submit command line (checked with DWLOGS_SUBMIT_DRY_RUN against a stand-in
 * SPARK_HOME), the Airflow DAG parses as Python, and the cron and systemd examples call
 * jobs/nightly. The real submissions run in StandaloneClusterIT.
 */
class JobsScriptsTest {
  static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir
  Path tmp;

  record Result(int code, String out) {}

  Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(args).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  Path sparkHome() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("spark/bin"));
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, "#!/bin/sh\nexit 0\n");
    submit.toFile().setExecutable(true);
    return tmp.resolve("spark");
  }

  List<String> dryRun(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c",
        "eval \"words=($(jobs/submit \"$@\"))\" && printf '%s\\n' \"${words[@]}\"", "submit"));
    cmd.addAll(List.of(args));
    Result r = run(Map.of("SPARK_HOME", sparkHome().toString(), "DWLOGS_SUBMIT_DRY_RUN", "1",
        "DWLOGS_JOB_JAR", "/opt/dwlogs/dwlogs-job.jar"), cmd.toArray(String[]::new));
    assertThat(r.code()).as(r.out()).isZero();
    return r.out().lines().toList();
  }

  @Test
  void submitSetsTheMainClassTheJava17OptionsAndShipsTheCatalog() throws Exception {
    List<String> words = dryRun("--master", "yarn", "--deploy-mode", "cluster",
        "--conf", "spark.executor.extraJavaOptions=-Dmine=1", "--num-executors", "4", "--",
        "report", "--input", "s3a://b/logs", "--output", "s3a://b/reports",
        "--catalog", "conf/signatures.yaml", "--config", "hdfs:///conf/dwlogs.yaml");
    assertThat(words.get(0)).endsWith("/spark/bin/spark-submit");
    assertThat(words).containsSequence("--class", "org.dwlogs.cli.DwlogsCommand")
        .containsSequence("--num-executors", "4")
        .containsSequence("--master", "yarn", "--deploy-mode", "cluster")
        .containsSequence("/opt/dwlogs/dwlogs-job.jar", "report", "--input", "s3a://b/logs")
        // YARN cluster mode: the shipped file is in the driver's working directory.
        .containsSequence("--catalog", "signatures.yaml")
        .containsSequence("--config", "hdfs:///conf/dwlogs.yaml")
        .containsSequence("--files", ROOT.resolve("conf/signatures.yaml").toString());
    String driver = words.stream().filter(w -> w.startsWith("spark.driver.extraJavaOptions=")).findFirst().orElseThrow();
    String executor = words.stream().filter(w -> w.startsWith("spark.executor.extraJavaOptions=")).findFirst().orElseThrow();
    for (String opts : List.of(driver, executor)) {
      assertThat(opts).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");
    }
    assertThat(executor).endsWith(" -Dmine=1");
  }

  @Test
  void submitInClientModeKeepsTheLocalCatalogPathAndRefusesAMissingOne() throws Exception {
    List<String> words = dryRun("--master", "spark://h:7077", "--", "report", "--input", "x",
        "--output", "y", "--catalog=conf/signatures.yaml");
    assertThat(words).contains("--catalog=" + ROOT.resolve("conf/signatures.yaml"));
    Result r = run(Map.of("SPARK_HOME", sparkHome().toString(), "DWLOGS_SUBMIT_DRY_RUN", "1",
        "DWLOGS_JOB_JAR", "/opt/dwlogs/dwlogs-job.jar"), "jobs/submit", "--master", "local", "--", "report", "--catalog", "no-such.yaml");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("no-such.yaml: no such file");
    r = run(Map.of("SPARK_HOME", tmp.resolve("none").toString()), "jobs/submit", "--", "report");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("set SPARK_HOME");
  }

  @Test
  void theAirflowDagParsesAsPython() throws Exception {
    Result probe;
    try {
      probe = run(Map.of(), "python3", "--version");
    } catch (IOException noPython) {
      probe = new Result(127, "");
    }
    assumeTrue(probe.code() == 0, "python3 is not installed");
    Result r = run(Map.of("PYTHONDONTWRITEBYTECODE", "1"), "python3", "-c",
        "import ast,sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])",
        "jobs/airflow/dwlogs_nightly.py");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(Files.readString(ROOT.resolve("jobs/airflow/dwlogs_nightly.py")))
        .contains("SparkSubmitOperator(", "java_class=\"org.dwlogs.cli.DwlogsCommand\"",
            "\"nightly\"", "\"{{ ds }}\"", "spark.executor.extraJavaOptions");
  }

  @Test
  void cronAndSystemdCallTheNightlyWrapper() throws IOException {
    assertThat(ROOT.resolve("jobs/nightly")).isExecutable();
    assertThat(ROOT.resolve("jobs/submit")).isExecutable();
    assertThat(Files.readAllLines(ROOT.resolve("jobs/crontab.example")))
        .anySatisfy(l -> assertThat(l).matches("^30 2 \\* \\* \\* \\S+/jobs/nightly --input-root .*"));
    assertThat(Files.readString(ROOT.resolve("jobs/systemd/dwlogs-nightly.service")))
        .contains("Type=oneshot", "ExecStart=/opt/dwlogs/jobs/nightly --input-root");
    assertThat(Files.readString(ROOT.resolve("jobs/systemd/dwlogs-nightly.timer")))
        .contains("OnCalendar=*-*-* 02:30:00 UTC", "Persistent=true");
  }
}
