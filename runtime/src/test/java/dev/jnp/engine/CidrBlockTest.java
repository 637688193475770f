package dev.jnp.engine;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrBlockTest {
  private static CidrBlock block(String text) {
    return CidrBlock.parse(text).orElseThrow(() -> new AssertionError("not a CIDR: " + text));
  }

  private static List<String> difference(String cidr, String... except) {
    return CidrBlock.difference(block(cidr), List.of(except).stream().map(CidrBlockTest::block).toList())
        .stream()
        .map(CidrBlock::toString)
        .toList();
  }

  @Test
  void parsesIpv4AndIpv6AndClearsHostBits() {
    assertThat(block("10.0.0.0/8").toString()).isEqualTo("10.0.0.0/8");
    assertThat(block("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
    assertThat(block("0.0.0.0/0").toString()).isEqualTo("0.0.0.0/0");
    assertThat(block("198.51.100.10/32").toString()).isEqualTo("198.51.100.10/32");
    assertThat(block("::/0").toString()).isEqualTo("::/0");
    assertThat(block("2001:DB8:0:0:1::/64").toString()).isEqualTo("2001:db8::/64");
    assertThat(block("2001:db8::1/128").toString()).isEqualTo("2001:db8::1/128");
    assertThat(block("fe80:0:0:1:0:0:0:1/128").toString()).isEqualTo("fe80:0:0:1::1/128");
    assertThat(block("::ffff:192.0.2.1/128").toString()).isEqualTo("::ffff:c000:201/128");
  }

  @Test
  void rejectsWhatGoNetipRejects() {
    for (String bad :
        List.of(
            "10.0.0.0",
            "10.0.0.0/33",
            "10.0.0.0/08",
            "010.0.0.0/8",
            "10.0.0/8",
            "256.0.0.0/8",
            "10.0.0.0/8/8",
            "example.com/8",
            "1:2:3:4:5:6:7:8:9/64",
            "1::2::3/64",
            "2001:db8::/129",
            "fe80::1%eth0/64",
            "1.2.3.4::/64",
            "1.2.3.4.5/8",
            "1..2.3/8",
            ".1.2.3/8",
            "1.2.3./8",
            "1.2.3.4/",
            "1.2.3.4/-1",
            "::1.2.3/128",
            "::1.2.3.4.5/128",
            "")) {
      assertThat(CidrBlock.parse(bad)).isEmpty();
    }
  }

  @Test
  void parseExactRefusesHostBitsAndAgreesWithParseOtherwise() {
    assertThat(CidrBlock.parseExact("10.0.0.0/8")).hasValue(block("10.0.0.0/8"));
    assertThat(CidrBlock.parseExact("10.1.2.3/32")).hasValue(block("10.1.2.3/32"));
    assertThat(CidrBlock.parseExact("10.1.2.3/8")).isEmpty();
    assertThat(CidrBlock.parseExact("0.0.0.1/0")).isEmpty();
    assertThat(CidrBlock.parseExact("2001:DB8::/32")).hasValue(block("2001:db8::/32"));
    assertThat(CidrBlock.parseExact("2001:db8::1/64")).isEmpty();
    assertThat(CidrBlock.parseExact("::ffff:192.0.2.0/120")).hasValue(block("::ffff:c000:200/120"));
    assertThat(CidrBlock.parseExact("10.0.0.0/33")).isEmpty();
    for (int length = 0; length <= 32; length++) {
      String text = "255.255.255.255/" + length;
      assertThat(CidrBlock.parseExact(text).isPresent()).isEqualTo(length == 32);
      assertThat(CidrBlock.parseExact(block(text).toString())).hasValue(block(text));
    }
  }

  @Test
  void containsAndOverlaps() {
    assertThat(block("10.0.0.0/8").contains(block("10.1.0.0/16"))).isTrue();
    assertThat(block("10.1.0.0/16").contains(block("10.0.0.0/8"))).isFalse();
    assertThat(block("10.0.0.0/8").overlaps(block("10.1.0.0/16"))).isTrue();
    assertThat(block("10.0.0.0/8").overlaps(block("11.0.0.0/8"))).isFalse();
    assertThat(block("0.0.0.0/0").contains(block("::/0"))).isFalse();
  }

  @Test
  void differenceIsTheFewestBlocksInAddressOrder() {
    assertThat(difference("10.0.0.0/8", "10.1.0.0/16"))
        .containsExactly(
            "10.0.0.0/16",
            "10.2.0.0/15",
            "10.4.0.0/14",
            "10.8.0.0/13",
            "10.16.0.0/12",
            "10.32.0.0/11",
            "10.64.0.0/10",
            "10.128.0.0/9")
        .inOrder();
    assertThat(difference("10.0.0.0/24", "10.0.0.0/25")).containsExactly("10.0.0.128/25");
    assertThat(difference("10.0.0.0/24")).containsExactly("10.0.0.0/24");
    assertThat(difference("10.0.0.0/24", "10.0.0.0/8")).isEmpty();
    assertThat(difference("10.0.0.0/24", "192.168.0.0/16", "2001:db8::/32")).containsExactly("10.0.0.0/24");
    assertThat(difference("0.0.0.0/0", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")).hasSize(31);
    assertThat(difference("2001:db8::/32", "2001:db8::/33")).containsExactly("2001:db8:8000::/33");
  }

  @Test
  void differenceOfASingleAddressFromEverythingNeedsOneBlockPerBit() {
    assertThat(difference("0.0.0.0/0", "192.0.2.1/32")).hasSize(32);
  }
}
