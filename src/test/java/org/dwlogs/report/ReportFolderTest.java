package org.dwlogs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports appear all at once or not at all: staged beside the target, moved on publish. */
class ReportFolderTest {
  static final Configuration HADOOP = new Configuration();

  @TempDir
  Path tmp;

  Path previousReports() throws IOException {
    Path target = tmp.resolve("reports");
    Files.createDirectories(target);
    Files.writeString(target.resolve("issue_summary.csv"), "old summary");
    Files.writeString(target.resolve("stale.csv"), "only in the old run");
    Files.createFile(target.resolve(ReportFolder.SUCCESS));
    return target;
  }

  static void write(ReportFolder folder, String name, String text) throws IOException {
    try (OutputStream out = folder.create(name)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Visible entries of a folder (Hadoop's local file system adds hidden .crc files). */
  static List<String> visible(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  /** Everything beside the target: staging (.reports.tmp-*) and set-aside (.reports.old-*) folders. */
  List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".reports.")).toList();
    }
  }

  @Test
  void publishReplacesThePreviousReportsWholeAndMarksSuccess() throws IOException {
    Path target = previousReports();
    try (ReportFolder folder = ReportFolder.stage(target.toString(), HADOOP)) {
      write(folder, "issue_summary.csv", "new summary");
      write(folder, "quarantine/malformed.csv", "nothing");
      assertThat(Files.readString(target.resolve("issue_summary.csv")))
          .as("the previous reports stay until publish").isEqualTo("old summary");
      folder.publish();
    }
    assertThat(visible(target)).containsExactly(ReportFolder.SUCCESS, "issue_summary.csv", "quarantine");
    assertThat(Files.readString(target.resolve("issue_summary.csv"))).isEqualTo("new summary");
    assertThat(target.resolve("quarantine/malformed.csv")).hasContent("nothing");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void publishCreatesTheTargetOnTheFirstRun() throws IOException {
    Path target = tmp.resolve("reports");
    try (ReportFolder folder = ReportFolder.stage(target.toString(), HADOOP)) {
      assertThat(target).doesNotExist();
      write(folder, "issue_daily.csv", "daily");
      folder.publish();
    }
    assertThat(visible(target)).containsExactly(ReportFolder.SUCCESS, "issue_daily.csv");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void closeWithoutPublishLeavesThePreviousReportsUntouchedAndRemovesTheStagingFolder()
      throws IOException {
    Path target = previousReports();
    try (ReportFolder folder = ReportFolder.stage(target.toString(), HADOOP)) {
      write(folder, "issue_summary.csv", "half-written summary");
      assertThat(leftovers()).hasSize(1).allMatch(n -> n.startsWith(".reports.tmp-"));
    }
    assertThat(visible(target)).containsExactly(ReportFolder.SUCCESS, "issue_summary.csv", "stale.csv");
    assertThat(Files.readString(target.resolve("issue_summary.csv"))).isEqualTo("old summary");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aRunThatFailsBeforePublishingLeavesNoTargetWhenThereWasNone() throws IOException {
    Path target = tmp.resolve("reports");
    assertThatThrownBy(() -> {
      try (ReportFolder folder = ReportFolder.stage(target.toString(), HADOOP)) {
        write(folder, "issue_summary.csv", "partial");
        throw new IllegalStateException("the job failed");
      }
    }).hasMessage("the job failed");
    assertThat(target).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anOutputThatIsAFileIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path file = Files.writeString(tmp.resolve("reports"), "not a folder");
    assertThatThrownBy(() -> ReportFolder.stage(file.toString(), HADOOP))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
    assertThat(file).hasContent("not a folder");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFileCannotBeCreatedTwice() throws IOException {
    try (ReportFolder folder = ReportFolder.stage(tmp.resolve("reports").toString(), HADOOP)) {
      write(folder, "issue_summary.csv", "one");
      assertThatThrownBy(() -> folder.create("issue_summary.csv")).isInstanceOf(IOException.class);
    }
  }
}
