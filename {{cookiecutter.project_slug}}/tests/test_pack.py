"""The pack's metadata stays consistent as it grows, and its dependencies leave ComfyUI's own alone. Needs neither
torch nor ComfyUI."""

import ast
import json
import os
import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="needs Python 3.11 or newer")

PACK_DIR = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((PACK_DIR / "pyproject.toml").read_text(encoding="utf-8"))
NOT_OURS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
REQUIREMENTS = [
    line.strip()
    for line in (PACK_DIR / "requirements.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.lstrip().startswith("#")
]
# Built by ComfyUI's installers for the user's GPU: a pack that lists one makes ComfyUI-Manager replace it.
NEVER = {"torch", "torchvision", "torchaudio", "xformers"}
# What ComfyUI requires (0.3.75, the oldest this pack supports): ComfyUI sets their versions.
COMFYUI_REQUIRES = {
    "alembic", "aiohttp", "av", "comfyui-embedded-docs", "comfyui-frontend-package", "comfyui-workflow-templates",
    "einops", "kornia", "numpy", "pillow", "psutil", "pydantic", "pydantic-settings", "pyyaml", "safetensors",
    "scipy", "sentencepiece", "spandrel", "sqlalchemy", "tokenizers", "torchsde", "tqdm", "transformers", "yarl",
}  # fmt: skip


def test_requirements_txt_matches_pyproject_dependencies():
    """ComfyUI-Manager and `comfy node install` read requirements.txt, the registry reads pyproject.toml."""
    assert REQUIREMENTS == PYPROJECT["project"]["dependencies"]


def dependency_problem(line: str) -> str | None:
    """Why a requirement line would break the ComfyUI it is installed into, if it would."""
    if line.startswith("-"):
        return (f"{line!r}: list packages only; an index URL or an -e, -r or -c line changes how every installer "
                "fetches packages for all of ComfyUI (publish what you need on PyPI, and name it)")  # fmt: skip
    name = re.split(r"[^A-Za-z0-9._-]", line, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")
    if name in NEVER:
        return (f"{line!r}: torch, torchvision, torchaudio and xformers come with ComfyUI, built for the user's GPU; "
                "an installer that reads this line replaces them: leave it out")  # fmt: skip
    if name in COMFYUI_REQUIRES and line.lower().replace("_", "-") != name:
        return (f"{line!r}: ComfyUI itself requires {name} and sets its version; a version here fights it: write "
                f"{name} without one, or leave it out")  # fmt: skip
    return None


def test_the_dependencies_leave_comfyuis_own_packages_to_comfyui():
    """README, Dependencies. (requirements.txt and pyproject.toml hold the same lines: the test above.)"""
    problems = [problem for line in REQUIREMENTS if (problem := dependency_problem(line))]
    assert not problems, "\n".join(problems)


def test_the_packs_code_installs_and_runs_nothing():
    """The registry refuses packs that install packages or start programs themselves (pip, subprocess)."""
    for path in sorted(PACK_DIR.rglob("*.py")):
        parts = path.relative_to(PACK_DIR).parts
        if set(parts) & (NOT_OURS | {"tests"}) or parts[0].startswith("."):  # tests and CI scripts may run programs
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            imported = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            imported += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            called = getattr(getattr(node, "func", None), "attr", "") if isinstance(node, ast.Call) else ""
            assert not {m.split(".")[0] for m in imported} & {"subprocess", "pip"}, f"{path.name} imports {imported}"
            assert called not in {"system", "popen", "spawnl", "execv"}, f"{path.name} calls {called}()"


def test_registry_fields_are_filled_in():
    project, comfy = PYPROJECT["project"], PYPROJECT["tool"]["comfy"]
    assert project["name"] and project["version"].count(".") == 2
    assert comfy["PublisherId"] and comfy["DisplayName"]
    assert project["urls"]["Repository"].startswith("https://")


def test_translations_are_valid_json():
    for path in (PACK_DIR / "locales").rglob("*.json"):
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict), path.name


def test_no_merge_conflict_is_left_behind():
    """A template update (cruft update) can leave conflict markers or .rej files; they must not be committed."""
    for folder, subfolders, files in os.walk(PACK_DIR):
        subfolders[:] = [name for name in subfolders if name not in NOT_OURS]  # not walked at all
        for name in files:
            path = Path(folder, name)
            assert path.suffix != ".rej", f"{path.name}: a change that did not apply; merge it by hand"
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not re.search(r"^(<{7}|>{7}) ", text, re.M), f"{path.name} has merge conflict markers"
