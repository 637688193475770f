package dev.jnp.compiler.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.syntax.LexerComparison;
import dev.jnp.compiler.syntax.PartsComparison;
import dev.jnp.compiler.syntax.PredictionComparison;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Jazzer fuzz tests: whatever the bytes, the parser returns diagnostics or an AST (the same
 * whether the file is parsed whole or in parts, as a large one is, and the same where the
 * predictive parser reads it as where the grammar's parser does), the lexer
 * reads them as the grammar's generated lexer does, and {@code jnp compile --engine all} exits 0
 * or 1 and never reports an internal error.
 *
 * <p>In every build they run as regression tests over the seed corpus in {@code
 * src/test/resources/dev/jnp/compiler/fuzz/SourceFuzzTestInputs/METHOD/} (the samples and some
 * tricky inputs; a crash the fuzzer finds goes there too). With {@code JAZZER_FUZZ=1} one of them
 * fuzzes: {@code JAZZER_FUZZ=1 mvn -pl compiler -am test -Dtest=SourceFuzzTest#compileForEveryEngine
 * -Dsurefire.failIfNoSpecifiedTests=false}; see {@code docs/fuzzing.md}.
 *
 * <p>The inputs are raw bytes, read as UTF-8 (malformed sequences become U+FFFD as when a file
 * is read), so a corpus file is a plain {@code .jnp} file. The fuzzer's mutations draw on the
 * keywords in {@code jnp.dict}.
 */
class SourceFuzzTest {
  /** The language's keywords and punctuation, in libFuzzer's dictionary format. */
  private static final String DICTIONARY = "/dev/jnp/compiler/fuzz/jnp.dict";

  private static final String PATH = "fuzz.jnp";
  private static final FuzzedFile FILE = new FuzzedFile(PATH);

  @FuzzTest(maxDuration = "15m")
  @DictionaryFile(resourcePath = DICTIONARY)
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Result<JnpFile> parsed = dev.jnp.compiler.syntax.SourceParser.parse(PATH, text);
    assertWithMessage("an AST, or an error that says why not, for:\n%s", text)
        .that(parsed.value().isPresent() || parsed.hasErrors()).isTrue();
    for (Diagnostic diagnostic : parsed.diagnostics()) {
      assertWithMessage("a 1-based position for %s in:\n%s", diagnostic, text)
          .that(diagnostic.span().line() >= 1 && diagnostic.span().column() >= 1).isTrue();
    }
    PartsComparison.assertSameAsWhole(text);
    PredictionComparison.assertSameAsGrammar(text);
  }

  /** The hand-written lexer reads every text as the one ANTLR generates from the grammar. */
  @FuzzTest(maxDuration = "15m")
  @DictionaryFile(resourcePath = DICTIONARY)
  void lexLikeTheGrammar(byte[] input) {
    LexerComparison.assertSameTokens(new String(input, StandardCharsets.UTF_8));
  }

  // A run stops at 10⁶ executions (32–40 minutes here, slower as the corpus grows) or after 60 minutes.
  @FuzzTest(maxDuration = "60m", maxExecutions = 1_000_000)
  @DictionaryFile(resourcePath = DICTIONARY)
  void compileForEveryEngine(byte[] input) {
    Path file = FILE.write(input);
    FuzzedFile.assertRunsCleanly(input, "compile", "--engine", "all", file.toString());
  }
}
