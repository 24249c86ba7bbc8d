"""The pack's metadata stays consistent as it grows. Needs neither torch nor ComfyUI."""

import json
import os
import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="needs Python 3.11 or newer")

PACK_DIR = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((PACK_DIR / "pyproject.toml").read_text(encoding="utf-8"))
NOT_OURS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}


def test_requirements_txt_matches_pyproject_dependencies():
    lines = (PACK_DIR / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert requirements == PYPROJECT["project"]["dependencies"]


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
