#!/usr/bin/env bash
# Run the template's whole test suite; sets up everything it needs on a fresh machine.
#
#   bash scripts/test.sh                  # everything: bake matrix, hooks, bad input, real ComfyUI + Chromium
#   bash scripts/test.sh -m "not real"    # the fast tier only (no ComfyUI, no browser)
#   bash scripts/test.sh -k connected     # any other pytest arguments
#
# Environment:
#   TEMPLATE_VENV         where the test venv lives (default: .venv)
#   TEMPLATE_PYTHON       interpreter for that venv (default: python3.11, else python3)
#   TEMPLATE_TORCH_SPEC   torch for the packs' own unit tests (default: torch==2.13.0, a small CPU build;
#                         elsewhere try: "torch --index-url https://download.pytorch.org/whl/cpu")
#   TEST_WORKERS          pytest-xdist workers (default: 2; 0 runs everything in this process)
#   COMFYUI_PATH, COMFYUI_PYTHON
#                         use your own ComfyUI checkout and its Python for the real tier; otherwise
#                         scripts/comfyui-env.sh provisions ComfyUI 0.3.75 under ~/.cache (see there).
#   COMFYUI_FRONTEND_NEWEST
#                         a front end's static folder to test as well (--front-end-root); provisioned
#                         with the rest (1.58.1), or unset with your own ComfyUI to test only its own.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin="${TEMPLATE_PYTHON:-$(command -v python3.11 || command -v python3)}"
venv="${TEMPLATE_VENV:-.venv}"
log() { echo "[test.sh] $*" >&2; }

if [ ! -x "$venv/bin/python" ]; then
  log "creating $venv with $python_bin"
  "$python_bin" -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install -q --disable-pip-version-check --upgrade pip
# shellcheck disable=SC2086
"$py" -m pip install -q --disable-pip-version-check ${TEMPLATE_TORCH_SPEC:-torch==2.13.0}
"$py" -m pip install -q --disable-pip-version-check -e ".[test]"

# The TypeScript flavour's checks run npm (Node 20 or newer).
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's nodejs and npm"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    log "npm is missing (install Node.js 20+); the TypeScript front-end checks will fail"
  fi
fi

# The real tier needs ComfyUI and Chromium, unless this run deselects it.
if [[ " $* " != *"not real"* ]]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      log "installing Debian's chromium"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      log "chromium is missing (install it, e.g. apt-get install chromium); browser checks will fail"
    fi
  fi
  if [ -z "${COMFYUI_PATH:-}" ]; then
    eval "$(bash scripts/comfyui-env.sh | sed 's/^/export /')"
  fi
  export COMFYUI_PATH COMFYUI_PYTHON="${COMFYUI_PYTHON:-python3}" COMFYUI_FRONTEND_NEWEST="${COMFYUI_FRONTEND_NEWEST:-}"
  log "real tier uses COMFYUI_PATH=$COMFYUI_PATH COMFYUI_PYTHON=$COMFYUI_PYTHON"
fi

set +e
# Two workers (the machines have two cores); --dist loadgroup keeps one combination's real tier together.
"$py" -m pytest -n "${TEST_WORKERS:-2}" --dist loadgroup "$@"
status=$?
set -e
[ "$status" = 5 ] && { log "pytest collected no test"; exit 1; }
exit "$status"
