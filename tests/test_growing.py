"""Growing a pack as its README says, where no ComfyUI is needed: a V1 node added by the "Add a node" recipe (the
V3 one, which needs ComfyUI, is in test_real_growing.py), and the pack's tests finding ComfyUI where authors
keep it."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from comfyui import git
from conftest import COMBOS, bake_fixture
from matrix import effective
from readme import add_a_node

v1_nodes_pack = bake_fixture([c for c in COMBOS if effective(c) == c and c["node_category"] == "server"
                              and c["node_api"] == "v1"][:1])  # fmt: skip


def pack_tests(pack: Path, *args, env: dict | None = None) -> tuple[subprocess.CompletedProcess, ET.Element]:
    """The pack's tests as its README runs them, without ComfyUI; with the JUnit report of the run."""
    report = pack.parent / "report.xml"
    environment = {"PYTHONDONTWRITEBYTECODE": "1", "COMFYUI_PATH": "", "CI": "", **(env or {})}
    out = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--junitxml={report}", *args],
                         cwd=pack, capture_output=True, text=True, env={**os.environ, **environment})  # fmt: skip
    return out, ET.parse(report).getroot().find("testsuite")  # noqa: S314 (the report pytest just wrote)


def changed_files(repo: Path) -> set[str]:
    return {line[3:] for line in git("status", "--porcelain", "--untracked-files=all", cwd=repo).stdout.splitlines()}


def test_a_v1_node_added_as_the_readme_says_gets_its_files_written_and_passes(v1_nodes_pack, tmp_path):
    a = v1_nodes_pack.answers
    pack = v1_nodes_pack.copy(tmp_path)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Made from the template"]):
        git(*args, cwd=pack)
    by_hand = add_a_node(pack, a["__package_name"])
    new_id = f"{a['node_prefix']}_AdjustBrightness"

    ci = Path(shutil.copytree(pack, tmp_path / "ci" / pack.name))  # a CI runner: nothing it writes is kept
    out, _ = pack_tests(ci, env={"CI": "true"})
    assert out.returncode == 1 and f"no committed definition for {new_id}" in out.stdout, out.stdout[-3000:]

    out, suite = pack_tests(pack)
    assert out.returncode == 0, out.stdout[-3000:]
    assert f"new nodes {new_id}: wrote tests/node_definitions/" in out.stdout  # reported, not failed
    written = [f"tests/node_definitions/{new_id}.json", "locales/en/nodeDefs.json"]
    assert changed_files(pack) == {*by_hand, *written}  # two files by hand, two written (README, Add a node)
    assert "brightness" in {
        case.get("classname").split(".")[-1].removeprefix("test_") for case in suite.iter("testcase")
    }
    text = json.loads((pack / "locales" / "en" / "nodeDefs.json").read_text(encoding="utf-8"))[new_id]
    assert text["display_name"] == "Adjust Brightness" and text["inputs"]["factor"]["tooltip"] == "The factor."

    out, _ = pack_tests(pack, "-W", "error")  # the second run has nothing to write
    assert out.returncode == 0 and "new nodes" not in out.stdout, out.stdout[-3000:]
    for ruff in (["check", "."], ["format", "--check", "."]):
        assert v1_nodes_pack.run(sys.executable, "-m", "ruff", *ruff, cwd=pack).returncode == 0


def load_conftest(pack_dir: Path):
    """The pack's tests/conftest.py as a module of its own."""
    spec = importlib.util.spec_from_file_location("pack_conftest", pack_dir / "tests" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def comfyui_tree(folder: Path) -> Path:
    (folder / "comfy_api").mkdir(parents=True)
    (folder / "main.py").write_text("", encoding="utf-8")
    (folder / "custom_nodes").mkdir()
    return folder


# Where an author's ComfyUI is, relative to a temporary folder: (ComfyUI's code, sys.prefix, working dir, env).
LAYOUTS = {
    "venv inside ComfyUI": ("ComfyUI", "ComfyUI/venv", ".", {}),
    "venv beside ComfyUI": ("ComfyUI", "venv", ".", {}),
    "portable build": ("ComfyUI_windows_portable/ComfyUI", "ComfyUI_windows_portable/python_embeded", ".", {}),
    "Desktop app (Windows)": ("AppData/Local/Programs/ComfyUI/resources/ComfyUI", "Documents/ComfyUI/.venv", ".",
                              {"LOCALAPPDATA": "AppData/Local"}),
    "the pack linked into custom_nodes": ("ComfyUI", "elsewhere/venv", "ComfyUI/custom_nodes/the-pack", {}),
    "COMFYUI_PATH": ("somewhere/ComfyUI", "elsewhere/venv", ".", {"COMFYUI_PATH": "somewhere/ComfyUI"}),
}  # fmt: skip


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_packs_tests_find_comfyui_where_authors_keep_it(pack_for_layouts, layout, tmp_path, monkeypatch):
    code, prefix, cwd, env = LAYOUTS[layout]
    monkeypatch.setattr(sys, "path", list(sys.path))  # the pack's conftest puts the pack on it
    for name in ("COMFYUI_PATH", "LOCALAPPDATA", "PWD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    conftest = load_conftest(pack_for_layouts)  # found nothing here
    comfyui = comfyui_tree(tmp_path / code)
    (tmp_path / cwd).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path / cwd)
    monkeypatch.setenv("PWD", str(tmp_path / cwd))
    for name, value in env.items():
        monkeypatch.setenv(name, str(tmp_path / value))
    monkeypatch.setattr(conftest, "COMFYUI_PATH", os.environ.get("COMFYUI_PATH", ""))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / prefix))
    assert conftest.COMFYUI is None
    assert next(f for f in conftest.places_to_look() if conftest.is_comfyui(f)) == comfyui


@pytest.fixture(scope="module")
def pack_for_layouts(cookies_session):
    """A pack's test set-up, outside any ComfyUI."""
    from matrix import TEMPLATE

    return Path(cookies_session.bake(template=str(TEMPLATE)).project_path)
