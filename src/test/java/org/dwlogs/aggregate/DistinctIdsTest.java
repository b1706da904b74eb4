package org.dwlogs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Growth, merge, the all-zero GUID and the serialized size of {@link DistinctIds}. */
class DistinctIdsTest {
  private static final String A = "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";

  @Test
  void growsFarPastItsFirstTableAndKeepsEveryGuidOnce() {
    DistinctIds ids = new DistinctIds();
    for (int round = 0; round < 2; round++) {
      for (long i = 1; i <= 100_000; i++) {
        ids.addGuid(i * 31, i); // the second round adds nothing new
      }
    }
    assertThat(ids.size()).isEqualTo(100_000);
  }

  @Test
  void aDashedGuidAndItsHexWithoutDashesAreTwoIds() {
    DistinctIds ids = new DistinctIds();
    ids.add(A);
    ids.add(A.replace("-", ""));
    ids.add(A);
    ids.add(A.toUpperCase(java.util.Locale.ROOT));
    assertThat(ids.size()).isEqualTo(3);
  }

  @Test
  void theAllZeroGuidIsCountedOnceAndNotTakenForAnEmptySlot() {
    DistinctIds ids = new DistinctIds();
    ids.add("00000000-0000-0000-0000-000000000000");
    ids.addGuid(0, 0);
    assertThat(ids.size()).isEqualTo(1);
    DistinctIds other = new DistinctIds();
    other.addGuid(0, 1);
    assertThat(other.merge(ids).size()).isEqualTo(2);
  }

  @Test
  void nullIsNotAnId() {
    DistinctIds ids = new DistinctIds();
    ids.add(null);
    assertThat(ids.isEmpty()).isTrue();
  }

  @Test
  void mergesSetsOfDifferentSizesBothWays() {
    DistinctIds big = new DistinctIds();
    DistinctIds small = new DistinctIds();
    for (long i = 1; i <= 5_000; i++) {
      big.addGuid(0, i);
    }
    for (long i = 4_990; i <= 5_010; i++) {
      small.addGuid(0, i);
    }
    small.add("user@example.com");
    assertThat(DistinctIdsProperties.of(java.util.List.of()).merge(big).merge(small).size())
        .isEqualTo(5_011);
    assertThat(small.merge(big).size()).isEqualTo(5_011);
  }

  @Test
  void serializesTheLivePairsOnlyAboutSixteenBytesAGuid() throws Exception {
    DistinctIds ids = new DistinctIds();
    for (long i = 1; i <= 10_000; i++) {
      ids.addGuid(i, -i);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ids);
    }
    // The table itself has 32,768 slots (512 KB of longs); only the 10,000 pairs go out.
    assertThat(bytes.size()).isBetween(160_000, 161_000);
    assertThat(DistinctIdsProperties.roundTrip(ids).size()).isEqualTo(10_000);
  }

  @Test
  void bucketsSplitDisjointlyAndRejectNoBuckets() {
    DistinctIds ids = new DistinctIds();
    for (long i = 1; i <= 1_000; i++) {
      ids.addGuid(i, i);
      ids.add("id-" + i);
    }
    DistinctIds[] buckets = ids.buckets(7);
    long sum = 0;
    for (DistinctIds b : buckets) {
      assertThat(b.size()).as("each bucket gets a share").isBetween(150L, 450L);
      sum += b.size();
    }
    assertThat(sum).isEqualTo(2_000);
    assertThatThrownBy(() -> ids.buckets(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1: 0");
  }
}
