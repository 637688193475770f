/** Label selectors of the policy dialects: Kubernetes LabelSelector and Calico's expressions. */
package dev.jnp.flows.selector;
