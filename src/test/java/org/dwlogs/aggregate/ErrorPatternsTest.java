package org.dwlogs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.parse.IdExtractor;
import org.junit.jupiter.api.Test;

class ErrorPatternsTest {
  private static final String GUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
  private static final String GUID2 = "8CED402F-3BFA-4CA2-9F4B-CE511A61DE45";

  private final IdExtractor ids = bundled();

  private static IdExtractor bundled() {
    JobConfig config = ConfigLoader.bundled();
    return new IdExtractor(config.ids().session(), config.ids().activity());
  }

  private String pattern(String message) {
    return ErrorPatterns.of(message, ids);
  }

  @Test
  void masksAGuid() {
    assertThat(pattern("Record " + GUID + " not found")).isEqualTo("Record <guid> not found");
  }

  @Test
  void masksAnUpperCaseGuidInBraces() {
    assertThat(pattern("Record {" + GUID2 + "} not found")).isEqualTo("Record <guid> not found");
  }

  @Test
  void masksNumbers() {
    assertThat(pattern("Batch 4221 failed after 3982 ms with 12.5% done"))
        .isEqualTo("Batch <n> failed after <n> ms with <n>% done");
  }

  @Test
  void masksNegativeNumbersAndTimes() {
    assertThat(pattern("code -2146233088 at 01:02:03")).isEqualTo("code <n> at <n>");
  }

  @Test
  void keepsDigitsInsideWords() {
    assertThat(pattern("CustCustomerV3Entity failed")).isEqualTo("CustCustomerV3Entity failed");
  }

  @Test
  void masksZeroXHex() {
    assertThat(pattern("HRESULT 0x80072560 returned")).isEqualTo("HRESULT <hex> returned");
  }

  @Test
  void masksLongHexToken() {
    assertThat(pattern("hash 9f86d081884c7d659a2feaa0c55ad015 differs"))
        .isEqualTo("hash <hex> differs");
  }

  @Test
  void masksASingleQuotedValue() {
    assertThat(pattern("Solution 'Dynamics365Company' has version mismatch"))
        .isEqualTo("Solution '<value>' has version mismatch");
  }

  @Test
  void masksADoubleQuotedValue() {
    assertThat(pattern("Table \"CustTable\" is locked"))
        .isEqualTo("Table \"<value>\" is locked");
  }

  @Test
  void keepsJsonKeysAndMasksJsonValues() {
    assertThat(pattern("Payload {\"entity\":\"account\",\"name\": \"Contoso\"} rejected"))
        .isEqualTo("Payload {\"entity\":\"<value>\",\"name\": \"<value>\"} rejected");
  }

  @Test
  void keepsEscapedJsonKeysAndMasksEscapedJsonValues() {
    String a = pattern("Body: {\\\"entity\\\":\\\"account\\\"}");
    String b = pattern("Body: {\\\"entity\\\":\\\"contact\\\"}");
    assertThat(a).isEqualTo(b).contains("entity").doesNotContain("account");
  }

  @Test
  void masksAQuotedValueAfterAContraction() {
    assertThat(pattern("The table doesn't have the field 'AccountNum'"))
        .isEqualTo("The table doesn't have the field '<value>'");
  }

  @Test
  void keepsContractionsWithoutQuotedValues() {
    assertThat(pattern("The map isn't running and can't start"))
        .isEqualTo("The map isn't running and can't start");
  }

  @Test
  void masksAUrl() {
    assertThat(pattern("POST https://contoso.crm4.dynamics.com/api/data/v9.2/accounts(42) failed"))
        .isEqualTo("POST <url> failed");
  }

  @Test
  void masksAnEmailAddress() {
    assertThat(pattern("User admin@contoso.onmicrosoft.com is not allowed"))
        .isEqualTo("User <email> is not allowed");
  }

  @Test
  void removesSessionAndActivityNotations() {
    assertThat(pattern("Write failed. Session ID: " + GUID + " Root activity ID: {" + GUID2 + "}"))
        .isEqualTo("Write failed.");
  }

  @Test
  void usesOnlyTheFirstNonBlankLine() {
    assertThat(pattern("\n   \nWrite failed\n   at Foo.Bar() line 12")).isEqualTo("Write failed");
  }

  @Test
  void collapsesWhitespace() {
    assertThat(pattern("  Write \t  failed  ")).isEqualTo("Write failed");
  }

  @Test
  void givesTheSamePatternToMessagesDifferingOnlyInVariableParts() {
    String a = pattern("Upsert of 'CustTable' row 5637144577 failed: HRESULT 0x80072560 for "
        + "{" + GUID + "} at https://a.example/x?id=1 by a@b.com. Session ID: " + GUID);
    String b = pattern("Upsert of 'VendTable' row 17 failed: HRESULT 0x80131500 for "
        + GUID2 + " at https://b.example/y by c.d@e.org. Session ID: " + GUID2);
    assertThat(a).isEqualTo(b)
        .isEqualTo("Upsert of '<value>' row <n> failed: HRESULT <hex> for <guid> at <url> by <email>.");
  }

  @Test
  void givesDifferentPatternsToDifferentMessages() {
    assertThat(pattern("Write failed for 'A'")).isNotEqualTo(pattern("Read failed for 'A'"));
  }

  @Test
  void cutsALongPattern() {
    assertThat(pattern("x".repeat(ErrorPatterns.MAX_CHARS + 50))).hasSize(ErrorPatterns.MAX_CHARS);
  }

  @Test
  void readsANullMessageAsEmpty() {
    assertThat(pattern(null)).isEmpty();
  }

  @Test
  void exampleIsTheFirstNonBlankLineStripped() {
    assertThat(ErrorPatterns.example("\n  Write failed 42 \nsecond")).isEqualTo("Write failed 42");
  }
}
