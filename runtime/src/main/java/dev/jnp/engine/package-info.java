/**
 * The backend SPI: one {@link dev.jnp.engine.Backend} per engine, discovered with {@link
 * java.util.ServiceLoader}, turns the IR into that engine's policy objects and says what of the IR
 * it cannot express.
 */
package dev.jnp.engine;
