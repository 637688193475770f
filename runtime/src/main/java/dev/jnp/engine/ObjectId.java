package dev.jnp.engine;

import java.util.Optional;

/** Which object a policy object is: its kind, name and namespace (empty for cluster-scoped kinds). */
public record ObjectId(String kind, String name, Optional<String> namespace) {}
