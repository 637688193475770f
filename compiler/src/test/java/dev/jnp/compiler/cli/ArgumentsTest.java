package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Splitting argv into options and operands, and every mistake it reports. */
class ArgumentsTest {
  static final Option ENGINE = Option.single("E", "The engine.", "--engine");
  static final Option OUTPUT = Option.single("DIR", "Where to write.", "-o", "--output");
  static final Option SET = Option.repeatable("K=V", "Set a parameter.", "--set");
  static final Option CHECK = Option.flag("Only check.", "--check");
  static final Option FORMAT = Option.single("F", "The format.", "--format").oneOf("text", "json");
  static final List<Option> OPTIONS = List.of(ENGINE, OUTPUT, SET, CHECK, FORMAT, Option.HELP, Option.VERSION);
  static final Optional<Operands> FILES = Optional.of(Operands.oneOrMore("FILE", "The files."));

  static Arguments parse(String... args) {
    return Arguments.parse(OPTIONS, FILES, args, 0);
  }

  /** The message of the usage error {@code args} make, once the parse is also checked complete. */
  static UsageError error(String... args) {
    return assertThrows(UsageError.class, () -> parse(args).requireComplete());
  }

  @Test
  void aValueFollowsItsOptionOrItsEqualsSign() {
    assertThat(parse("--engine", "cilium", "f.jnp").value(ENGINE)).hasValue("cilium");
    assertThat(parse("--engine=cilium", "f.jnp").value(ENGINE)).hasValue("cilium");
    assertThat(parse("--engine=", "f.jnp").value(ENGINE)).hasValue("");
    assertThat(parse("--set=a=b", "f.jnp").values(SET)).containsExactly("a=b");
    assertThat(parse("f.jnp").value(ENGINE)).isEmpty();
  }

  @Test
  void aShortOptionTakesItsValueNextOrAttached() {
    assertThat(parse("-o", "out", "f.jnp").value(OUTPUT)).hasValue("out");
    assertThat(parse("-oout", "f.jnp").value(OUTPUT)).hasValue("out");
    assertThat(parse("-o=out", "f.jnp").value(OUTPUT)).hasValue("out");
    assertThat(parse("--output", "out", "f.jnp").value(OUTPUT)).hasValue("out");
    assertThat(parse("--output=out", "f.jnp").path(OUTPUT)).hasValue(Path.of("out"));
  }

  @Test
  void aRepeatableOptionKeepsItsValuesInOrder() {
    Arguments arguments = parse("--set", "b=2", "f.jnp", "--set=a=1", "--set", "b=3");
    assertThat(arguments.values(SET)).containsExactly("b=2", "a=1", "b=3").inOrder();
    assertThat(arguments.operands()).containsExactly("f.jnp");
    assertThat(parse("f.jnp").values(SET)).isEmpty();
  }

  @Test
  void flagsArePresentOrNotAndTakeABooleanAfterAnEqualsSign() {
    assertThat(parse("--check", "f.jnp").has(CHECK)).isTrue();
    assertThat(parse("f.jnp").has(CHECK)).isFalse();
    assertThat(parse("--check=false", "f.jnp").has(CHECK)).isFalse();
    assertThat(parse("--check=TRUE", "f.jnp").has(CHECK)).isTrue();
    assertThat(error("--check=maybe", "f.jnp")).hasMessageThat()
        .isEqualTo("Invalid value for option '--check': 'maybe' is not a boolean");
    assertThat(error("--check=", "f.jnp")).hasMessageThat()
        .isEqualTo("Invalid value for option '--check': '' is not a boolean");
  }

  @Test
  void singleLetterFlagsGroupAndTheLastMayTakeAValue() {
    Arguments grouped = parse("-hV");
    assertThat(grouped.asksForHelp()).isTrue();
    assertThat(grouped.asksForVersion()).isTrue();
    Arguments withValue = parse("-ho", "out");
    assertThat(withValue.asksForHelp()).isTrue();
    assertThat(withValue.value(OUTPUT)).hasValue("out");
    assertThat(parse("-oV", "f.jnp").value(OUTPUT)).hasValue("V");
  }

  @Test
  void anOptionGivenOnceMayNotBeRepeated() {
    assertThat(error("--engine", "a", "--engine=b", "f.jnp")).hasMessageThat()
        .isEqualTo("option '--engine' (E) should be specified only once");
    assertThat(error("-o", "a", "--output", "b", "f.jnp")).hasMessageThat()
        .isEqualTo("option '--output' (DIR) should be specified only once");
    assertThat(error("--check", "--check", "f.jnp")).hasMessageThat()
        .isEqualTo("option '--check' should be specified only once");
  }

  @Test
  void aValueOutsideTheChoicesIsRefused() {
    assertThat(parse("--format", "json", "f.jnp").value(FORMAT)).hasValue("json");
    assertThat(error("--format", "JSON", "f.jnp")).hasMessageThat()
        .isEqualTo("Invalid value for option '--format': expected one of [text, json] (case-sensitive) but was 'JSON'");
  }

  @Test
  void aMissingValueIsAnError() {
    assertThat(error("--set")).hasMessageThat().isEqualTo("Missing required parameter for option '--set' (K=V)");
    assertThat(error("f.jnp", "-o")).hasMessageThat().isEqualTo("Missing required parameter for option '--output' (DIR)");
    assertThat(error("--engine", "--set", "a=b", "f.jnp")).hasMessageThat()
        .isEqualTo("Expected parameter for option '--engine' but found '--set'");
    assertThat(error("--engine", "--check=true", "f.jnp")).hasMessageThat()
        .isEqualTo("Expected parameter for option '--engine' but found '--check=true'");
    assertThat(error("-o", "--", "f.jnp")).hasMessageThat()
        .isEqualTo("Expected parameter for option '--output' but found '--'");
    // Anything else may start with a dash: it is the value.
    assertThat(parse("--set", "-x", "f.jnp").values(SET)).containsExactly("-x");
  }

  @Test
  void anUnknownOptionIsReportedWithTheOptionMeantWhenOneIsClose() {
    UsageError misspelt = error("--engin", "x", "f.jnp");
    assertThat(misspelt).hasMessageThat().isEqualTo("Unknown option: '--engin'");
    assertThat(misspelt.suggestion()).hasValue("Possible solutions: --engine");
    assertThat(error("--forma=json", "f.jnp").suggestion()).hasValue("Possible solutions: --format");
    assertThat(error("--out", "x", "f.jnp").suggestion()).hasValue("Possible solutions: --output");
    assertThat(error("-e", "x", "f.jnp").suggestion()).hasValue("Possible solutions: --engine");
    assertThat(error("--Set", "a=b", "f.jnp").suggestion()).hasValue("Possible solutions: --set");

    UsageError unknown = error("--bogus", "f.jnp");
    assertThat(unknown).hasMessageThat().isEqualTo("Unknown option: '--bogus'");
    assertThat(unknown.suggestion()).isEmpty();
    assertThat(error("-x", "f.jnp").suggestion()).isEmpty();
    // A group with a letter that is no option is one unknown option.
    assertThat(error("-hx", "f.jnp")).hasMessageThat().isEqualTo("Unknown option: '-hx'");
  }

  @Test
  void missingOperandsAreReportedBeforeUnknownOptions() {
    assertThat(error()).hasMessageThat().isEqualTo("Missing required parameter: 'FILE'");
    assertThat(error("--check")).hasMessageThat().isEqualTo("Missing required parameter: 'FILE'");
    assertThat(error("-x")).hasMessageThat().isEqualTo("Missing required parameter: 'FILE'");
  }

  @Test
  void afterTwoDashesEveryArgumentIsAnOperand() {
    Arguments arguments = parse("--check", "--", "-dash.jnp", "--set", "--");
    assertThat(arguments.operands()).containsExactly("-dash.jnp", "--set", "--").inOrder();
    assertThat(arguments.has(CHECK)).isTrue();
    assertThat(arguments.values(SET)).isEmpty();
    assertThat(arguments.operandPaths()).containsExactly(Path.of("-dash.jnp"), Path.of("--set"), Path.of("--")).inOrder();
    assertThat(parse("-").operands()).containsExactly("-");
  }

  @Test
  void helpAndVersionAreAnsweredDespiteOtherMistakes() {
    Arguments arguments = parse("--bogus", "--help");
    assertThat(arguments.asksForHelp()).isTrue();
    assertThat(assertThrows(UsageError.class, arguments::requireComplete)).hasMessageThat()
        .isEqualTo("Missing required parameter: 'FILE'");
    assertThat(parse("--version").asksForVersion()).isTrue();
    assertThat(parse("--help=false", "f.jnp").asksForHelp()).isFalse();
    assertThat(parse("f.jnp").asksForHelp()).isFalse();
  }

  @Test
  void aCommandWithoutOperandsRefusesThem() {
    UsageError one = assertThrows(UsageError.class,
        () -> Arguments.parse(OPTIONS, Optional.empty(), new String[] {"lsp", "extra"}, 1).requireComplete());
    assertThat(one).hasMessageThat().isEqualTo("Unmatched argument at index 1: 'extra'");
    UsageError mixed = assertThrows(UsageError.class,
        () -> Arguments.parse(OPTIONS, Optional.empty(), new String[] {"lsp", "--chek", "extra"}, 1).requireComplete());
    assertThat(mixed).hasMessageThat().isEqualTo("Unknown options: '--chek', 'extra'");
    assertThat(mixed.suggestion()).hasValue("Possible solutions: --check");
  }

  static final Set<String> COMMANDS = Set.of("compile", "check", "help");

  static Arguments main(String... args) {
    return Arguments.parseUntilCommand(List.of(Option.HELP, Option.VERSION), COMMANDS, args);
  }

  @Test
  void theMainParseStopsAtTheCommand() {
    Arguments arguments = main("compile", "--help", "f.jnp");
    assertThat(arguments.commandIndex()).hasValue(0);
    assertThat(arguments.asksForHelp()).isFalse();
    assertThat(main("-V", "check").commandIndex()).hasValue(1);
    assertThat(main("-V", "check").asksForVersion()).isTrue();
    assertThat(main().commandIndex()).isEmpty();
    // After "--", a command's name is only an operand, which jnp itself does not take.
    UsageError quoted = assertThrows(UsageError.class, () -> main("--", "compile", "f.jnp").requireComplete());
    assertThat(quoted).hasMessageThat().isEqualTo("Unmatched arguments from index 1: 'compile', 'f.jnp'");
  }

  @Test
  void anUnknownCommandIsReportedWithTheCommandMeantWhenOneIsClose() {
    UsageError unknown = assertThrows(UsageError.class, () -> main("frobnicate").requireComplete());
    assertThat(unknown).hasMessageThat().isEqualTo("Unmatched argument at index 0: 'frobnicate'");
    assertThat(unknown.suggestion()).isEmpty();
    UsageError misspelt = assertThrows(UsageError.class, () -> main("compil").requireComplete());
    assertThat(misspelt.suggestion()).hasValue("Did you mean: jnp compile?");
    UsageError shouted = assertThrows(UsageError.class, () -> main("CHECK", "f.jnp").requireComplete());
    assertThat(shouted).hasMessageThat().isEqualTo("Unmatched arguments from index 0: 'CHECK', 'f.jnp'");
    assertThat(shouted.suggestion()).hasValue("Did you mean: jnp check?");
    assertThat(assertThrows(UsageError.class, () -> main("comp").requireComplete()).suggestion())
        .hasValue("Did you mean: jnp compile?");
    assertThat(assertThrows(UsageError.class, () -> main("c").requireComplete()).suggestion()).isEmpty();
  }

  @Test
  void anUnknownOptionBeforeTheCommandIsJnpsOwn() {
    Arguments arguments = main("--bogus", "compile", "f.jnp");
    assertThat(arguments.commandIndex()).hasValue(1);
    assertThat(assertThrows(UsageError.class, arguments::requireComplete)).hasMessageThat()
        .isEqualTo("Unknown option: '--bogus'");
  }

  @Test
  void anOperandThatIsNoPathIsAUsageError() {
    assertThat(assertThrows(UsageError.class, () -> parse("a\0b").operandPaths())).hasMessageThat()
        .startsWith("Invalid value for 'FILE': 'a\0b' is not a path");
  }
}
