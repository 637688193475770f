package dev.jnp.flows;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAddressTest {

  @Test
  void parsesAndPrintsIpv4() {
    assertThat(IpAddress.parse("10.1.2.3").toString()).isEqualTo("10.1.2.3");
    assertThat(IpAddress.tryParse("10.1.2")).isEmpty();
    assertThat(IpAddress.tryParse("10.1.2.256")).isEmpty();
    assertThat(IpAddress.tryParse("example.com")).isEmpty();
  }

  @Test
  void parsesAndPrintsIpv6InCanonicalForm() {
    assertThat(IpAddress.parse("2001:DB8:0:0:0:0:0:1").toString()).isEqualTo("2001:db8::1");
    assertThat(IpAddress.parse("::").toString()).isEqualTo("::");
    assertThat(IpAddress.parse("::1").toString()).isEqualTo("::1");
    assertThat(IpAddress.parse("fe80::").toString()).isEqualTo("fe80::");
    assertThat(IpAddress.parse("1:0:0:2:0:0:0:3").toString()).isEqualTo("1:0:0:2::3");
    assertThat(IpAddress.parse("::ffff:10.0.0.1").toString()).isEqualTo("::ffff:a00:1");
    assertThat(IpAddress.tryParse("1::2::3")).isEmpty();
    assertThat(IpAddress.tryParse("1:2:3:4:5:6:7")).isEmpty();
    assertThat(IpAddress.tryParse("12345::")).isEmpty();
  }

  @Test
  void ordersIpv4BeforeIpv6AndNumerically() {
    assertThat(IpAddress.parse("9.0.0.0")).isLessThan(IpAddress.parse("10.0.0.0"));
    assertThat(IpAddress.parse("255.255.255.255")).isLessThan(IpAddress.parse("::"));
    assertThat(IpAddress.parse("8000::")).isGreaterThan(IpAddress.parse("7fff::"));
  }

  @Test
  void cidrRangesIgnoreHostBits() {
    assertThat(IpRange.parseCidr("10.1.2.3/8").toString()).isEqualTo("10.0.0.0-10.255.255.255");
    assertThat(IpRange.parseCidr("0.0.0.0/0")).isEqualTo(IpRange.ALL_IPV4);
    assertThat(IpRange.parseCidr("::/0")).isEqualTo(IpRange.ALL_IPV6);
    assertThat(IpRange.parseCidr("2001:db8::/32").toString())
        .isEqualTo("2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
    assertThat(IpRange.parseCidr("2001:db8::1/127").toString()).isEqualTo("2001:db8::-2001:db8::1");
    assertThat(IpRange.parseCidr("1.2.3.4").toString()).isEqualTo("1.2.3.4-1.2.3.4");
    assertThrows(IllegalArgumentException.class, () -> IpRange.parseCidr("10.0.0.0/33"));
  }

  @Test
  void rangeMinusHolesLeavesMaximalRuns() {
    IpRange block = IpRange.parseCidr("10.0.0.0/8");
    assertThat(block.minus(List.of(IpRange.parseCidr("10.10.0.0/16"))).toString())
        .isEqualTo("[10.0.0.0-10.9.255.255, 10.11.0.0-10.255.255.255]");
    assertThat(block.minus(List.of(IpRange.parseCidr("10.0.0.0/9"), IpRange.parseCidr("10.128.0.0/9"))))
        .isEmpty();
    assertThat(block.minus(List.of(IpRange.parseCidr("10.255.255.255/32"))).toString())
        .isEqualTo("[10.0.0.0-10.255.255.254]");
  }

  @Test
  void segmentsFollowTheReadmeExample() {
    List<IpRange> blocks =
        IpRange.parseCidr("10.0.0.0/8").minus(List.of(IpRange.parseCidr("10.10.0.0/16")));
    assertThat(ConnectionList.segments(blocks).toString())
        .isEqualTo("[0.0.0.0-9.255.255.255, 10.0.0.0-10.9.255.255, 10.10.0.0-10.10.255.255,"
            + " 10.11.0.0-10.255.255.255, 11.0.0.0-255.255.255.255]");
    assertThat(ConnectionList.segments(List.of())).containsExactly(IpRange.ALL_IPV4);
    assertThat(ConnectionList.segments(List.of(IpRange.ALL_IPV4))).containsExactly(IpRange.ALL_IPV4);
  }
}
