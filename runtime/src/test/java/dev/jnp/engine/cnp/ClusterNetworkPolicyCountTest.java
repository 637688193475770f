package dev.jnp.engine.cnp;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.engine.CidrBlock;
import dev.jnp.engine.Ir;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import dev.jnp.ir.Peer;
import dev.jnp.ir.Rule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The check counts rules, peers and ports by spelling them only when the counts made without
 * spelling ({@link ClusterNetworkPolicyConverter#mostRules}, {@link
 * ClusterNetworkPolicyConverter#mostPeers}, a rule's ports) may exceed the limit.
 */
class ClusterNetworkPolicyCountTest {
  @Test
  void theBlocksOfACidrWithExceptsAreNeverMoreThanCountedWithoutMakingThem() {
    Random random = new Random(20261128L);
    int over = 0;
    for (int n = 0; n < 20_000; n++) {
      boolean v6 = random.nextInt(4) == 0;
      int width = v6 ? 128 : 32;
      int length = random.nextInt(width / 2);
      BigInteger base = new BigInteger(width, random);
      String cidr = block(base, length, width);
      List<String> except = new ArrayList<>();
      for (int i = random.nextInt(5); i > 0; i--) {
        // Mostly inside the block, now and then anywhere, of the other family or the block itself.
        BigInteger inside = base.xor(new BigInteger(width - length, random));
        int holeLength = random.nextInt(3) == 0 ? random.nextInt(width + 1) : length + random.nextInt(Math.min(40, width - length + 1));
        except.add(random.nextInt(10) == 0 ? (v6 ? "10.0.0.0/8" : "::/0") : block(inside, holeLength, width));
      }
      Peer.Cidr peer = new Peer.Cidr(cidr, except, SourceSpan.none("t"));
      long most = ClusterNetworkPolicyConverter.mostBlocks(peer);
      int made = ClusterNetworkPolicyConverter.remainder(peer).size();
      assertWithMessage("blocks of %s except %s", cidr, except).that(most).isAtLeast((long) made);
      over += most > 25 ? 1 : 0;
    }
    assertWithMessage("cidrs whose count without making them is over 25").that(over).isAtLeast(1000);
  }

  private static String block(BigInteger address, int length, int width) {
    BigInteger mask = BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
    return new CidrBlock(width, address.andNot(mask), length).toString();
  }

  @Test
  void theCountsWithoutSpellingAreNeverBelowWhatIsSpelled() {
    int rules = 0;
    for (Allowlist allowlist : Ir.everyShape()) {
      for (Direction direction : Direction.values()) {
        assertWithMessage("rules, %s %s", direction, allowlist)
            .that(ClusterNetworkPolicyConverter.mostRules(allowlist, direction))
            .isAtLeast((long) ClusterNetworkPolicyConverter.ruleCount(allowlist, direction));
        for (Rule rule : allowlist.rules(direction)) {
          assertWithMessage("peers, %s %s", direction, rule)
              .that(ClusterNetworkPolicyConverter.mostPeers(rule))
              .isAtLeast((long) ClusterNetworkPolicyConverter.peers(rule, direction, allowlist.namespace()).size());
          for (Peer peer : rule.peers()) {
            if (peer instanceof Peer.Cidr cidr) {
              assertWithMessage("blocks, %s", cidr)
                  .that(ClusterNetworkPolicyConverter.mostBlocks(cidr))
                  .isAtLeast((long) ClusterNetworkPolicyConverter.remainder(cidr).size());
            }
          }
          List<Object> protocols = ClusterNetworkPolicyConverter.protocols(rule);
          assertWithMessage("ports, %s", rule)
              .that(rule.ports().size())
              .isAtLeast(protocols == null ? 0 : protocols.size());
          rules++;
        }
      }
    }
    assertWithMessage("rules").that(rules).isAtLeast(600);
  }
}
