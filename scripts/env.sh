# shellcheck shell=bash
# Shared environment for the project's scripts. Source it, do not execute it:
#   . "$(dirname "$0")/env.sh"
# Sets ROOT (the repository root), puts npm's tools (wasm-opt from binaryen 132)
# first on PATH so they win over Debian's older binaryen, adds ~/.cargo/bin
# (trunk, wasm-bindgen) and keeps Trunk from trying to download anything.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) PATH="$HOME/.cargo/bin:$PATH" ;;
esac
PATH="$ROOT/node_modules/.bin:$PATH"
export PATH

export TRUNK_OFFLINE=true
