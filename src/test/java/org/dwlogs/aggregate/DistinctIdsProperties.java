package org.dwlogs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link DistinctIds} counts exactly as a {@code HashSet<String>} does, on mixes of canonical
 * GUIDs (often the same few, the all-zero one among them), the same GUIDs undashed, uppercase
 * or braced, and other strings; merged, bucketed and serialized alike.
 */
class DistinctIdsProperties {

  /** The canonical form of the GUID (hi, lo), as IdExtractor.normalize writes it. */
  static String guid(long hi, long lo) {
    return String.format("%08x-%04x-%04x-%04x-%012x", hi >>> 32, (hi >>> 16) & 0xFFFF,
        hi & 0xFFFF, lo >>> 48, lo & 0xFFFF_FFFF_FFFFL);
  }

  @Provide
  Arbitrary<List<String>> ids() {
    // Small halves repeat (and include the all-zero GUID); any long rarely does.
    Arbitrary<Long> half = Arbitraries.oneOf(Arbitraries.longs().between(0, 6),
        Arbitraries.longs(), Arbitraries.longs().between(-3, 3));
    Arbitrary<String> canonical = Combinators.combine(half, half).as(DistinctIdsProperties::guid);
    Arbitrary<String> id = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, canonical),
        net.jqwik.api.Tuple.of(2, canonical.map(g -> g.replace("-", ""))),
        net.jqwik.api.Tuple.of(1, canonical.map(g -> g.toUpperCase(Locale.ROOT))),
        net.jqwik.api.Tuple.of(1, canonical.map(g -> "{" + g + "}")),
        net.jqwik.api.Tuple.of(1, canonical.map(g -> g.substring(0, 35) + "g")),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("abc-0123").ofMaxLength(40)));
    return id.list().ofMaxSize(300);
  }

  @Property(tries = 500)
  void countsAsAHashSetOfStrings(@ForAll("ids") List<String> ids) {
    assertThat(of(ids).size()).isEqualTo(new HashSet<>(ids).size());
  }

  @Property(tries = 300)
  void aMergeCountsTheUnion(@ForAll("ids") List<String> a, @ForAll("ids") List<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    DistinctIds merged = of(a).merge(of(b));
    assertThat(merged.size()).isEqualTo(union.size());
    assertThat(merged.merge(of(a)).size()).as("merging a part again adds nothing")
        .isEqualTo(union.size());
  }

  @Property(tries = 300)
  void bucketSizesMergedBucketByBucketSumToTheUnion(@ForAll("ids") List<String> a,
      @ForAll("ids") List<String> b, @ForAll @IntRange(min = 1, max = 9) int n) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    DistinctIds[] bucketsA = of(a).buckets(n);
    DistinctIds[] bucketsB = of(b).buckets(n);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += bucketsA[i].merge(bucketsB[i]).size();
    }
    assertThat(sum).isEqualTo(union.size());
  }

  @Property(tries = 300)
  void addGuidIsAddOfTheCanonicalString(@ForAll("halves") List<long[]> guids) {
    DistinctIds byString = new DistinctIds();
    DistinctIds byLongs = new DistinctIds();
    Set<String> expected = new HashSet<>();
    for (long[] g : guids) {
      byString.add(guid(g[0], g[1]));
      byLongs.addGuid(g[0], g[1]);
      expected.add(guid(g[0], g[1]));
    }
    assertThat(byLongs.size()).isEqualTo(expected.size());
    assertThat(byLongs.merge(byString).size()).as("the same elements").isEqualTo(expected.size());
  }

  @Provide
  Arbitrary<List<long[]>> halves() {
    Arbitrary<Long> half = Arbitraries.oneOf(Arbitraries.longs().between(0, 4), Arbitraries.longs());
    return Combinators.combine(half, half).as((h, l) -> new long[] {h, l}).list().ofMaxSize(200);
  }

  @Property(tries = 200)
  void aSerializedCopyHoldsTheSameIds(@ForAll("ids") List<String> ids) throws Exception {
    DistinctIds original = of(ids);
    DistinctIds copy = roundTrip(original);
    assertThat(copy.size()).isEqualTo(original.size());
    assertThat(copy.merge(original).size()).as("the same elements").isEqualTo(original.size());
    copy.add("one more, not an ID");
    assertThat(copy.size()).as("a copy still grows").isEqualTo(original.size() + 1
        - (ids.contains("one more, not an ID") ? 1 : 0));
  }

  static DistinctIds of(List<String> ids) {
    DistinctIds out = new DistinctIds();
    ids.forEach(out::add);
    return out;
  }

  static DistinctIds roundTrip(DistinctIds ids) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ids);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (DistinctIds) in.readObject();
    }
  }
}
