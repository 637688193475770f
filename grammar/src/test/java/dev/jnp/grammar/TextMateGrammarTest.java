package dev.jnp.grammar;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The editor grammar ({@code editors/vscode/syntaxes/jnp.tmLanguage.json}) against the lexer: its
 * keyword set is exactly the lexer's, each keyword is highlighted as a whole word only, and the
 * other scopes match what the lexer reads as one token. Its regular expressions use only what
 * Oniguruma (VS Code) and java.util.regex read alike, so they are run here as they are.
 */
class TextMateGrammarTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ALTERNATIVES = Pattern.compile("\\(\\?:([a-zA-Z|]+)\\)");

  private static Path editors() {
    Path module = Path.of("").toAbsolutePath();
    for (Path dir = module; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("editors/vscode"))) {
        return dir.resolve("editors");
      }
    }
    throw new AssertionError("no editors/vscode folder above " + module);
  }

  private static JsonNode read(String path) throws IOException {
    return JSON.readTree(editors().resolve(path).toFile());
  }

  private static JsonNode grammar() throws IOException {
    return read("vscode/syntaxes/jnp.tmLanguage.json");
  }

  private static Pattern pattern(JsonNode rule) {
    return Pattern.compile(rule.get("match").asText());
  }

  /** The keywords the grammar lists, in the order it lists them, across its keyword patterns. */
  private static List<String> grammarKeywords() throws IOException {
    List<String> keywords = new ArrayList<>();
    for (JsonNode rule : grammar().at("/repository/keywords/patterns")) {
      Matcher alternatives = ALTERNATIVES.matcher(rule.get("match").asText());
      assertWithMessage("keyword pattern %s", rule).that(alternatives.find()).isTrue();
      keywords.addAll(List.of(alternatives.group(1).split("\\|")));
    }
    return keywords;
  }

  @Test
  void theKeywordSetIsTheLexers() throws IOException {
    List<String> listed = grammarKeywords();
    assertThat(listed).containsNoDuplicates();
    assertThat(listed).containsExactlyElementsIn(KeywordsTest.keywords());
  }

  @Test
  void everyKeywordIsHighlightedAsAWholeWordOnly() throws IOException {
    for (JsonNode rule : grammar().at("/repository/keywords/patterns")) {
      Pattern pattern = pattern(rule);
      Matcher alternatives = ALTERNATIVES.matcher(rule.get("match").asText());
      alternatives.find();
      for (String keyword : alternatives.group(1).split("\\|")) {
        Matcher alone = pattern.matcher("x " + keyword + " y");
        assertWithMessage("%s in 'x %s y'", rule.get("name"), keyword).that(alone.find()).isTrue();
        assertThat(alone.group()).isEqualTo(keyword);
        for (String inside : List.of("flux-" + keyword, keyword + "-system", "$" + keyword, "a." + keyword, keyword + "s",
            "app.kubernetes.io/" + keyword, keyword + ":443", "a" + keyword)) {
          if (!KeywordsTest.keywords().contains(inside)) { // "node" + "s" is a keyword of its own
            assertWithMessage("%s inside the word '%s'", keyword, inside).that(pattern.matcher(inside).find()).isFalse();
          }
        }
      }
    }
  }

  @Test
  void parametersNumbersAndAddressesAreOneTokenAsTheLexerReadsThem() throws IOException {
    JsonNode repository = grammar().get("repository");
    assertWholeMatch(repository.get("parameter"), "$operator", "$operator.enabled", "$a_b-c");
    assertWholeMatch(repository.get("number"), "8080", "30000-32767", "53/udp", "443/tcp");
    for (JsonNode address : repository.at("/address/patterns")) {
      assertThat(pattern(address).matcher("flux-system").find()).isFalse();
      assertThat(pattern(address).matcher("jaas:storage").find()).isFalse();
    }
    List<String> addresses = List.of("10.0.0.0/8", "10.0.0.1:443", "10.0.0.1:53/udp", "2001:db8::/32", "fd00::1", "::/0");
    for (String address : addresses) {
      boolean matched = false;
      for (JsonNode rule : repository.at("/address/patterns")) {
        Matcher matcher = pattern(rule).matcher(address);
        matched |= matcher.find() && matcher.group().equals(address);
      }
      assertWithMessage("an address pattern matches all of %s", address).that(matched).isTrue();
    }
    assertThat(pattern(repository.get("number")).matcher("app.kubernetes.io/name-2").find()).isFalse();
  }

  @Test
  void commentsStringsAndRawBlocksAreDelimitedAsInTheLexer() throws IOException {
    JsonNode repository = grammar().get("repository");
    Matcher comment = pattern(repository.get("comment")).matcher("allow http from any  # open: an Ingress fronts it");
    assertThat(comment.find()).isTrue();
    assertThat(comment.group()).isEqualTo("# open: an Ingress fronts it");
    assertThat(repository.at("/raw/begin").asText()).isEqualTo("\"\"\"");
    assertThat(repository.at("/raw/end").asText()).isEqualTo("\"\"\"");
    Pattern escape = Pattern.compile(repository.at("/string/patterns/0/match").asText());
    for (String escaped : List.of("\\\"", "\\\\", "\\n")) {
      assertWithMessage("the escape %s", escaped).that(escape.matcher(escaped).matches()).isTrue();
    }
    // Names a declaration introduces are highlighted as names even when they are keywords.
    Matcher port = pattern(repository.at("/declaration/patterns/3")).matcher("  port metrics 8083");
    assertThat(port.find()).isTrue();
    assertThat(port.group(2)).isEqualTo("metrics");
  }

  @Test
  void theExtensionContributesThisGrammarForJnpFiles() throws IOException {
    JsonNode extension = read("vscode/package.json");
    JsonNode language = extension.at("/contributes/languages/0");
    assertThat(language.get("id").asText()).isEqualTo("jnp");
    assertThat(language.get("extensions").toString()).contains("\".jnp\"");
    JsonNode contributed = extension.at("/contributes/grammars/0");
    assertThat(contributed.get("scopeName").asText()).isEqualTo(grammar().get("scopeName").asText());
    assertThat(editors().resolve("vscode").resolve(contributed.get("path").asText()).normalize())
        .isEqualTo(editors().resolve("vscode/syntaxes/jnp.tmLanguage.json"));
    assertThat(extension.at("/dependencies/vscode-languageclient").isTextual()).isTrue();
    assertThat(Files.isRegularFile(editors().resolve("vscode").resolve(extension.get("main").asText()))).isTrue();

    JsonNode configuration = JSON.readTree(editors().resolve("vscode").resolve(language.get("configuration").asText()).toFile());
    assertThat(configuration.at("/comments/lineComment").asText()).isEqualTo("#");
    assertThat(configuration.get("brackets").toString()).isEqualTo("[[\"{\",\"}\"],[\"[\",\"]\"],[\"(\",\")\"]]");
  }

  private static void assertWholeMatch(JsonNode rule, String... texts) {
    for (String text : texts) {
      Matcher matcher = pattern(rule).matcher(text);
      assertWithMessage("%s on %s", rule.get("name"), text).that(matcher.find() && matcher.group().equals(text)).isTrue();
    }
  }
}
