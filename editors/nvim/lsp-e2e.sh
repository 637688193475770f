#!/usr/bin/env bash
# `jnp lsp` in a real LSP client: headless Neovim (0.7.2, Debian's, or later) starts the server
# from the CLI jar with vim.lsp.start_client, opens a .jnp file whose rule names an unknown port,
# and checks the diagnostic arrives on that line (then definition, hover, didChange, completion).
# Usage: editors/nvim/lsp-e2e.sh [path/to/jnp.jar]   (default: compiler/target/jnp.jar)
# Exit status: 0 passed, 1 failed, 2 cannot run (no nvim, no java, no jar).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${1:-$root/compiler/target/jnp.jar}"

command -v nvim >/dev/null 2>&1 || { echo "lsp-e2e: nvim is not on PATH (apt-get install neovim)" >&2; exit 2; }
command -v java >/dev/null 2>&1 || { echo "lsp-e2e: java is not on PATH" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "lsp-e2e: no CLI jar at $jar; build it with 'mvn -B package -DskipTests'" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/jaas.jnp" <<'JNP'
# JaaS, with a typo in the storage rule.
engine kubernetes
namespace jaas

param operator = false

peer flux = ns flux-system

workload jaas {
  select app.kubernetes.io/name=jaas
  port http    8080
  port storage 8082 when operator

  allow http from any
  allow storge from flux, ns stageset-system
}
JNP

# Neovim keeps its state in $work: no user config, shada or swap files are read or left behind.
export JNP_JAR="$jar" JNP_LSP_FILE="$work/jaas.jnp"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
status=0
timeout --kill-after=10 240 nvim --headless --clean -n -i NONE -c "luafile $here/lsp-e2e.lua" </dev/null || status=$?
if [[ $status -ne 0 ]]; then
  [[ $status -eq 124 ]] && echo "lsp-e2e: FAILED: Neovim did not finish within 240 s" >&2
  [[ -f "$work/state/nvim/lsp.log" ]] && { echo "--- Neovim's LSP log:" >&2; tail -n 40 "$work/state/nvim/lsp.log" >&2; }
  [[ -f "$work/cache/nvim/lsp.log" ]] && { echo "--- Neovim's LSP log:" >&2; tail -n 40 "$work/cache/nvim/lsp.log" >&2; }
  exit 1
fi
