package dev.jnp.compiler.lsp;

import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.grammar.JnpLexer;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Go to definition: a port name to its {@code port} line, a peer name to its {@code peer}
 * declaration, a {@code $parameter} or a parameter in a condition to its {@code param}
 * declaration, a workload in an {@code expect} to its {@code workload}. From the AST when the text
 * parses; from the tokens when it does not, so that it works in the middle of an edit.
 */
final class Definitions {
  private Definitions() {}

  static Optional<Location> at(PolicyDocument document, Position position) {
    SourceText source = document.source();
    SourceText.Cursor cursor = source.cursor(position);
    Optional<JnpFile> file = document.parsed().value();
    if (file.isPresent()) {
      return NameIndex.of(file.get()).at(cursor).map(reference -> location(document, reference.target()));
    }
    return fromTokens(document, cursor);
  }

  private static Location location(PolicyDocument document, NameIndex.Declared declared) {
    SourceSpan span = declared.kind() == NameIndex.Kind.WORKLOAD ? declared.name().span() : declared.declaration();
    return new Location(document.uri(), document.source().range(span));
  }

  /** The declaration a token names, judged by the token's kind and the block it stands in. */
  private static Optional<Location> fromTokens(PolicyDocument document, SourceText.Cursor cursor) {
    List<Lexeme> significant = Lexeme.significant(document.text());
    // A cursor between two words touches both; the one it is at the start of wins.
    Optional<Lexeme> token = significant.stream().filter(l -> l.isWord() && l.covers(cursor))
        .reduce((before, after) -> after);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    SourceOutline outline = SourceOutline.of(significant);
    Lexeme word = token.get();
    Optional<Lexeme> target;
    if (word.is(JnpLexer.PARAM_REF)) {
      target = Optional.ofNullable(outline.params().get(word.text().substring(1))).map(SourceOutline.Param::name);
    } else {
      List<Lexeme> before = significant.stream().filter(l -> l.endsBy(cursor) && l != word).toList();
      SourceOutline.Context context = SourceOutline.contextAt(before, cursor);
      target = context.block().workload().map(w -> outline.ports(w).get(word.text()))
          .or(() -> Optional.ofNullable(outline.peers().get(word.text())))
          .or(() -> Optional.ofNullable(outline.params().get(word.text())).map(SourceOutline.Param::name));
    }
    return target.map(name -> {
      Position start = new Position(name.line() - 1, 0);
      Range line = new Range(start, new Position(name.line() - 1, document.source().line(name.line() - 1).length()));
      return new Location(document.uri(), line);
    });
  }
}
