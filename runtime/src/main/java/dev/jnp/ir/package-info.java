/**
 * The engine-neutral intermediate representation: what traffic each workload needs, with every
 * parameter and condition already applied. The front end lowers checked source to these records;
 * every backend reads only them. All records are immutable; label maps are sorted by key so that
 * output does not depend on how a map was built.
 */
package dev.jnp.ir;
