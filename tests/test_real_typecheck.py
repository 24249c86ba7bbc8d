"""Each distinct Python side of a pack type-checks clean with pyright, in the basic mode its pyproject.toml
sets, with each ComfyUI tree on the path (its CI step, and the README's command)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from comfyui import hosts, missing
from conftest import COMBOS, bake_fixture
from matrix import effective

pytestmark = pytest.mark.real

TREES = [h for h in hosts() if not h.newest_front_end]
PYRIGHT = shutil.which("pyright", path=str(Path(sys.executable).parent))
server_pack = bake_fixture([c for c in COMBOS if effective(c) == c and c["node_category"] == "server"][:1])


def pyright(pack, tree, cwd: Path | None = None):
    if tree is None:
        missing("no ComfyUI to type-check against: set COMFYUI_PATH, or let scripts/test.sh provision them")
    assert PYRIGHT, "pyright is not installed (the template's test extra has it)"
    return pack.run(PYRIGHT, "--pythonpath", tree.python, cwd=cwd, env={"PYTHONPATH": str(tree.tree)})


@pytest.mark.parametrize("tree", TREES or [None], ids=[t.name for t in TREES] or ["no-tree"])
def test_pyright_finds_no_error(python_pack, tree):
    out = pyright(python_pack, tree)
    assert out.returncode == 0 and "0 errors" in out.stdout, out.stdout[-3000:]


def test_pyright_would_find_a_wrong_type(server_pack, tmp_path):
    copy = server_pack.copy(tmp_path)
    invert = copy / server_pack.answers["__package_name"] / "invert.py"
    invert.write_text(invert.read_text(encoding="utf-8") + '\n\nWRONG: int = "text"\n', encoding="utf-8")
    out = pyright(server_pack, TREES[0] if TREES else None, cwd=copy)
    assert out.returncode == 1 and "invert.py" in out.stdout, out.stdout[-3000:]
