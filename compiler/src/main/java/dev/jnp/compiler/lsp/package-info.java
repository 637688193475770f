/**
 * {@code jnp lsp}: the language server editors talk to over standard input and output. It reuses
 * the compiler whole — parser, checker, lowering, the engines' backends and the YAML writer — so an
 * editor shows what {@code jnp check} and {@code jnp compile} would say. What is being typed does
 * not parse yet, so completion and the fallback of go to definition read tokens instead.
 */
package dev.jnp.compiler.lsp;
