package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.jnp.compiler.syntax.PredictionComparison.assertSameAsGrammar;

import dev.jnp.compiler.TestSources;
import dev.jnp.grammar.JnpLexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The predictive parser gives the grammar's AST, spans included, wherever it gives one, and
 * gives one for the files people write.
 */
class PredictiveParserTest {
  @Test
  void everySampleIsPredicted() throws IOException {
    for (Path sample : TestSources.samples()) {
      assertWithMessage("predicted %s", sample).that(assertSameAsGrammar(Files.readString(sample))).isTrue();
    }
  }

  @Test
  void everySourceInTheProject() {
    int predicted = 0;
    List<String> sources = TestSources.everySource();
    for (String text : sources) {
      predicted += assertSameAsGrammar(text) ? 1 : 0;
    }
    assertThat(predicted).isAtLeast(sources.size() / 2);
  }

  /** Keywords as names, and the grammar's choices between readings that both parse. */
  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "engine default\nnamespace workload\nparam when = true\nparam x = false\nparam y = deny\n",
      "workload default in default { select app=default, when=x\n port probe probe probe when a }\n",
      "workload a { allow from ns default allow to ns deny }",
      "workload a { allow from ns when x }",
      "workload a { allow from ns when }",
      "workload a { allow from ns where a=b, c=d, ns e }",
      "workload a { allow from ns where }",
      "workload a { allow from ns where, any }",
      "peer p = ns default\ndefault deny\n",
      "peer p = ns default deny = 1\n",
      "peer p = ns engine\nengine x\n",
      "peer p = ns x, pods a=b in ns where c=d, e=f, pods g=h in any ns, pods i=j in ns default",
      "peer p = pods a=b in ns where",
      "peer p = pods in=x in ns in",
      "peer p = any, nodes, apiserver, apiserver 10.0.0.1, apiserver [1.2.3.4, $ip, \"x\"], cidr 10.0.0.0/8 except [10.1.0.0/16, 10.2.0.0/16], fqdn a.b, named",
      "peer p = any\npeer q = apiserver\nworkload w { allow to apiserver }",
      "peer p = cidr default",
      "peer p = fqdn ns",
      "peer p = pods",
      "peer p = default",
      "workload a { egress { allow dns allow dns to ns kube-system allow dns when p allow dns from x allow dns, 53 to y } }",
      "workload a { egress when p and q { allow dns\n native cilium egress \"\"\"\n- {}\n\"\"\" } }",
      "workload a { egress { allow dns to any } allow dns to x }",
      "workload a { allow from from x }",
      "workload a { allow from, to to x }",
      "workload a { allow to from }",
      "workload a { allow http, 8080, \"x\", $p from pods app=b }",
      "workload a { allow from any when not a and b or c and (d or not e) }",
      "workload a { allow from any when (a) allow from any when ((a or b)) and c }",
      "workload a { allow from any when a or b or c and d and e }",
      "workload a { allow from any when not not a }",
      "workload a { allow from any when not }",
      "workload a { allow from any when default }",
      "workload a { allow from any when not default }",
      "workload a { allow from any when not port p 80 }",
      "workload a { egress when not egress { } }",
      "default deny when not engine x",
      "workload a { allow dns to x allow ingress, from, to from egress }",
      "peer ingress = any\nworkload a { allow from ingress, port, select }",
      "expect allow ingress -> egress when select",
      "default deny ingress order 100 when a\ndefault deny egress\ndefault deny order when\n",
      "expect allow ns a -> pods app=b, tier=c in ns d when x\nexpect deny node -> world\nexpect allow apiserver -> fqdn a.b:443\n",
      "expect allow [::1] -> [fe80::1]:443/tcp\nexpect allow 10.0.0.1:80 -> $x\nexpect deny \"s\" -> 5\n",
      "expect allow ns -> world\nexpect allow pods -> ns default\nexpect allow fqdn when -> x",
      "expect allow default -> x",
      "workload a { native cilium ingress \"\"\"\n  - {}\n\n\"\"\"\n select app=a }",
      "workload a { select x=\"a\\\"b\\nc\\\\\" }",
      "# comment\nworkload a { # inside\n select app=a # after\n}\n# end",
      "workload a { select app=a",
      "workload a { select app= }",
      "workload { }",
      "param p = ",
      "allow from any",
      "workload a { } }",
  })
  void edgeCases(String text) {
    assertSameAsGrammar(text);
  }

  @Test
  void predictsTheUsualConstructs() {
    assertThat(assertSameAsGrammar("workload a in default { select app=a\n allow from ns default\n egress { allow dns to ns kube-system } }")).isTrue();
    assertThat(assertSameAsGrammar("peer p = pods app=x in ns y, cidr 10.0.0.0/8 except [10.1.0.0/16]")).isTrue();
    assertThat(assertSameAsGrammar("workload a { allow from any when not a and (b or c) }")).isTrue();
    assertThat(assertSameAsGrammar("workload a { egress { allow dns to any } }")).isTrue();
    assertThat(assertSameAsGrammar("peer ingress = any\nworkload a { allow http, egress from ingress when default }")).isTrue();
    // Doubtful: `ns` may be a peer named so, and `default` start the next declaration.
    assertThat(assertSameAsGrammar("peer p = ns default\ndefault deny\n")).isFalse();
  }

  /** The keywords are the token types from {@code ENGINE} to {@code WORLD}: words in quotes. */
  @Test
  void keywordsAreTheGrammarsWords() {
    for (int type = 1; type <= JnpLexer.VOCABULARY.getMaxTokenType(); type++) {
      String literal = JnpLexer.VOCABULARY.getLiteralName(type);
      boolean word = literal != null && literal.matches("'[a-z]+'");
      assertWithMessage("token %s", JnpLexer.VOCABULARY.getSymbolicName(type))
          .that(Terminals.isKeyword(type)).isEqualTo(word);
    }
  }

  /**
   * Sentences of the language drawn from its grammar at random (always the same), with keywords
   * for names a third of the time: where the predictive parser answers, it answers as the
   * grammar's parser does; and it answers for most.
   */
  @Test
  void randomSentences() {
    Sentences sentences = new Sentences(new Random(20261127L));
    int predicted = 0;
    int count = 6_000;
    for (int i = 0; i < count; i++) {
      predicted += assertSameAsGrammar(sentences.file()) ? 1 : 0;
    }
    assertThat(predicted).isAtLeast(count / 4);
  }

  /** Random tokens of the language in random order: mostly mistakes, each given to the grammar. */
  @Test
  void randomTokens() {
    String[] tokens = {
      "workload w {", "}", "{", "allow", "from", "to", "dns", "ns", "default", "where", "a=b", ",", "pods",
      "in", "any", "when", "not", "and", "or", "(", ")", "x", "egress", "select", "peer p =", "expect allow",
      "->", "[", "]", "apiserver", "cidr", "except", "port", "probe", "80", "native", "\"\"\"r\"\"\"", "ingress",
    };
    TestSources.randomTexts(tokens, 20_000, 16).forEach(PredictionComparison::assertSameAsGrammar);
  }

  /** Draws sentences from the grammar's rules. */
  private static final class Sentences {
    private static final String[] KEYWORDS = {
      "engine", "namespace", "param", "peer", "workload", "in", "select", "port", "probe", "when", "allow",
      "from", "to", "egress", "ingress", "native", "default", "deny", "order", "expect", "dns", "any", "ns",
      "where", "pods", "cidr", "except", "fqdn", "nodes", "apiserver", "not", "and", "or", "true", "false",
      "node", "world",
    };
    private static final String[] SPACES = {" ", " ", " ", "\n", "  \n\t", " # note\n"};

    private final Random random;
    private final List<String> out = new ArrayList<>();

    Sentences(Random random) {
      this.random = random;
    }

    String file() {
      out.clear();
      repeat(0, 4, this::declaration);
      StringBuilder text = new StringBuilder();
      for (String token : out) {
        text.append(token).append(SPACES[random.nextInt(SPACES.length)]);
      }
      return text.toString();
    }

    private void declaration() {
      switch (random.nextInt(7)) {
        case 0 -> emit("engine").word();
        case 1 -> emit("namespace").word();
        case 2 -> {
          emit("param").name().emit("=");
          switch (random.nextInt(3)) {
            case 0 -> emit("true");
            case 1 -> emit("false");
            default -> word();
          }
        }
        case 3 -> emit("peer").name().emit("=").peers();
        case 4 -> {
          emit("workload").name();
          if (random.nextBoolean()) {
            emit("in").word();
          }
          emit("{");
          repeat(0, 4, this::workloadItem);
          emit("}");
        }
        case 5 -> {
          emit("default").emit("deny");
          maybe(() -> emit(random.nextBoolean() ? "ingress" : "egress"));
          maybe(() -> emit("order").word());
          maybe(this::when);
        }
        default -> {
          emit("expect").emit(random.nextBoolean() ? "allow" : "deny").endpoint().emit("->").endpoint();
          maybe(this::when);
        }
      }
    }

    private void workloadItem() {
      switch (random.nextInt(6)) {
        case 0 -> emit("select").labels();
        case 1 -> {
          emit("port").name().word();
          maybe(() -> emit("probe"));
          maybe(this::when);
        }
        case 2, 3 -> allow();
        case 4 -> {
          emit("egress");
          maybe(this::when);
          emit("{");
          repeat(0, 3, () -> {
            switch (random.nextInt(3)) {
              case 0 -> {
                emit("allow").emit("dns");
                maybe(() -> emit("to").peers());
                maybe(this::when);
              }
              case 1 -> allow();
              default -> nativeBlock();
            }
          });
          emit("}");
        }
        default -> nativeBlock();
      }
    }

    private void allow() {
      emit("allow");
      maybe(() -> list(this::word));
      emit(random.nextBoolean() ? "from" : "to").peers();
      maybe(this::when);
    }

    private void nativeBlock() {
      emit("native").word().emit(random.nextBoolean() ? "ingress" : "egress").emit("\"\"\"\n- {}\n\"\"\"");
    }

    private Sentences peers() {
      list(() -> {
        switch (random.nextInt(10)) {
          case 0 -> emit("any");
          case 1 -> emit("nodes");
          case 2 -> {
            emit("apiserver");
            maybe(() -> {
              if (random.nextBoolean()) {
                address();
              } else {
                emit("[");
                list(this::address);
                emit("]");
              }
            });
          }
          case 3 -> emit("ns").emit("where").labels();
          case 4 -> emit("ns").word();
          case 5 -> {
            emit("pods").labels();
            maybe(() -> {
              switch (random.nextInt(3)) {
                case 0 -> emit("in").emit("ns").emit("where").labels();
                case 1 -> emit("in").emit("ns").word();
                default -> emit("in").emit("any").emit("ns");
              }
            });
          }
          case 6 -> {
            emit("cidr").word();
            maybe(() -> {
              emit("except").emit("[");
              list(this::address);
              emit("]");
            });
          }
          case 7 -> emit("fqdn").word();
          default -> name();
        }
      });
      return this;
    }

    private Sentences endpoint() {
      switch (random.nextInt(8)) {
        case 0 -> emit("ns").word();
        case 1 -> {
          emit("pods").labels();
          maybe(() -> emit("in").emit("ns").word());
        }
        case 2 -> emit("fqdn").word();
        case 3 -> emit(random.nextBoolean() ? "node" : "world");
        case 4 -> emit("apiserver");
        case 5 -> {
          emit("[").address().emit("]");
          maybe(() -> emit(":443/tcp"));
        }
        default -> word();
      }
      return this;
    }

    private Sentences labels() {
      list(() -> word().emit("=").word());
      return this;
    }

    private void when() {
      emit("when").condition(3);
    }

    private void condition(int depth) {
      switch (depth == 0 ? 4 : random.nextInt(6)) {
        case 0 -> emit("not").condition(depth - 1);
        case 1 -> {
          condition(depth - 1);
          emit("and").condition(depth - 1);
        }
        case 2 -> {
          condition(depth - 1);
          emit("or").condition(depth - 1);
        }
        case 3 -> {
          emit("(").condition(depth - 1);
          emit(")");
        }
        default -> name();
      }
    }

    private Sentences word() {
      switch (random.nextInt(8)) {
        case 0 -> emit(String.valueOf(random.nextInt(70_000)));
        case 1 -> emit("\"s " + random.nextInt(9) + "\"");
        case 2 -> emit("$p" + random.nextInt(9));
        default -> name();
      }
      return this;
    }

    private Sentences name() {
      return emit(random.nextInt(3) == 0 ? KEYWORDS[random.nextInt(KEYWORDS.length)] : "w" + random.nextInt(9));
    }

    private Sentences address() {
      return emit(random.nextBoolean() ? "10.0.0." + random.nextInt(9) : "$a");
    }

    private void list(Runnable element) {
      element.run();
      repeat(0, 2, () -> emit(",").then(element));
    }

    private void then(Runnable element) {
      element.run();
    }

    private void maybe(Runnable part) {
      if (random.nextBoolean()) {
        part.run();
      }
    }

    private void repeat(int least, int most, Runnable part) {
      int times = least + random.nextInt(most - least + 1);
      for (int i = 0; i < times; i++) {
        part.run();
      }
    }

    private Sentences emit(String token) {
      out.add(token);
      return this;
    }
  }
}
