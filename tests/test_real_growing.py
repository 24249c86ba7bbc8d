"""Growing a pack in real ComfyUIs, as its README says.

A server pack with the model-loading nodes, V1 and V3, gets a node added by the README's "Add a node" recipe.
Its tests then run from a README-shaped layout (a ComfyUI folder with its venv inside and the pack linked into
its custom_nodes), with no setting: every node test runs, the new node's files are written, and the refresh
command writes what a changed node needs. Then, on each ComfyUI tree: the new node is listed and runs; the
model folder lists a file dropped in after start-up, the file is read once for two prompts and again after
POST /free or when it is replaced; a bad file name gets the node's message.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from comfyui import ComfyUI, git, hosts, missing
from conftest import COMBOS, bake_fixture
from readme import add_a_node

pytestmark = pytest.mark.real

TREES = [h for h in hosts() if not h.newest_front_end]  # the server side: one host per ComfyUI tree
GROWN = [{**c, "node_api": api} for api in ("v3", "v1") for c in COMBOS[:1]]  # a server pack per API
grown_pack = bake_fixture([{**c, "model_loader": "yes"} for c in GROWN])
LOADED = "Loading colour grade"  # what the pack logs each time it reads a model file


@pytest.fixture(scope="module")
def grown(grown_pack, tmp_path_factory) -> Path:
    """The pack, committed as its author would, with a node added as the README says."""
    pack = grown_pack.copy(tmp_path_factory.mktemp("grown"))
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Made from the template"]):
        git(*args, cwd=pack)
    add_a_node(pack, grown_pack.answers["__package_name"])
    return pack


def readme_layout(tree, base: Path) -> tuple[Path, Path]:
    """A ComfyUI folder as the README's "Which Python" table shows it: ComfyUI's code, its venv inside, and a
    custom_nodes folder of its own. Returns that venv's Python and the custom_nodes folder."""
    comfyui = base / "ComfyUI"
    (comfyui / "custom_nodes").mkdir(parents=True)
    for entry in tree.tree.iterdir():
        if entry.name != "custom_nodes":
            (comfyui / entry.name).symlink_to(entry)
    (comfyui / "venv").symlink_to(Path(tree.python).parent.parent, target_is_directory=True)
    return comfyui / "venv" / "bin" / "python", comfyui / "custom_nodes"


def run_pack_tests(python: Path, where: Path, *args) -> tuple[subprocess.CompletedProcess, ET.Element]:
    """`python -m pytest` in the linked pack, as the README says: no COMFYUI_PATH, nothing set."""
    report = where.parent / "report.xml"  # beside the pack, in custom_nodes
    env = {k: v for k, v in os.environ.items() if k not in ("COMFYUI_PATH", "CI", "PYTHONPATH")}
    out = subprocess.run([python, "-m", "pytest", "-p", "no:cacheprovider", f"--junitxml={report}", *args], cwd=where,
                         capture_output=True, text=True, env={**env, "PWD": str(where)}, timeout=900)  # fmt: skip
    return out, ET.parse(report).getroot().find("testsuite")  # noqa: S314 (the report pytest just wrote)


def test_the_tests_find_comfyui_in_the_readme_layout_and_grow_with_the_pack(grown, grown_pack, tmp_path):
    if not TREES:
        missing("no ComfyUI to run: set COMFYUI_PATH, or let scripts/test.sh provision them")
    a = grown_pack.answers
    python, custom_nodes = readme_layout(TREES[-1], tmp_path)
    link = custom_nodes / grown.name
    link.symlink_to(grown, target_is_directory=True)
    new_id = f"{a['node_prefix']}_AdjustBrightness"

    out, suite = run_pack_tests(python, link)
    assert out.returncode == 0, out.stdout[-4000:]
    assert f"ComfyUI: {custom_nodes.parent}" in out.stdout  # found, with no setting
    node_tests = [c for c in suite.iter("testcase") if c.get("classname") == "tests.test_nodes"]
    skipped = [c for c in node_tests if c.find("skipped") is not None]
    assert node_tests and [c.get("name") for c in skipped] == [
        "test_comfyui_loads_exactly_these_nodes_and_runs_the_example"
    ]
    assert (
        f"new nodes {new_id}: wrote" in out.stdout
        and (grown / "tests" / "node_definitions" / f"{new_id}.json").is_file()
    )
    assert "tests.test_brightness" in {c.get("classname") for c in suite.iter("testcase")}

    nodes = grown / a["__package_name"] / "nodes.py"  # a clearer description: the English text must follow
    nodes.write_text(nodes.read_text(encoding="utf-8").replace("below 1 darkens", "under 1 darkens"), encoding="utf-8")
    out, _ = run_pack_tests(python, link, "tests/test_nodes.py")
    assert out.returncode == 1 and f"{new_id} changed: run `python -m pytest tests/test_nodes.py --update" in out.stdout
    readme = (grown / "README.md").read_text(encoding="utf-8")
    refresh = re.search(r"```shell\n(python -m pytest tests/test_nodes.py --update-node-definitions)\n```", readme)
    out, _ = run_pack_tests(python, link, *refresh.group(1).split()[3:])
    assert out.returncode == 0, out.stdout[-3000:]
    locale = json.loads((grown / "locales" / "en" / "nodeDefs.json").read_text(encoding="utf-8"))
    assert locale[new_id]["description"].startswith("Multiplies every pixel by a factor: under 1 darkens")
    out, _ = run_pack_tests(python, link)
    assert out.returncode == 0, out.stdout[-3000:]


@pytest.fixture(scope="module", params=TREES or [None], ids=[t.name for t in TREES] or ["no-tree"])
def server(request, grown, tmp_path_factory):
    """ComfyUI with the grown pack linked into its custom_nodes, as an author develops it."""
    if request.param is None:
        missing("no ComfyUI to run: set COMFYUI_PATH, or let scripts/test.sh provision them")
    base = tmp_path_factory.mktemp(f"comfyui-{request.param.name}")
    (base / "custom_nodes").mkdir()
    (base / "custom_nodes" / grown.name).symlink_to(grown, target_is_directory=True)
    with ComfyUI(request.param, base) as comfyui:
        yield comfyui


def pixel(server: ComfyUI, prompt: dict) -> tuple:
    """Run a prompt whose node 9 is a Preview Image; a pixel of what it showed."""
    from PIL import Image

    entry = server.wait(server.queue(prompt))
    assert entry["status"]["status_str"] == "success", (entry["status"], server.log()[-3000:])
    status, png = server.get("/view?" + urllib.parse.urlencode(entry["outputs"]["9"]["images"][0]))
    return Image.open(io.BytesIO(png)).convert("RGB").getpixel((1, 1))


def image(size: int, color: int) -> dict:
    return {"class_type": "EmptyImage", "inputs": {"width": size, "height": size, "batch_size": 1, "color": color}}


def test_the_added_node_is_listed_and_runs(server, grown_pack):
    P = grown_pack.answers["node_prefix"]
    info = server.object_info()[f"{P}_AdjustBrightness"]
    assert info["display_name"] == "Adjust Brightness" and info["input_order"]["required"] == ["image", "factor"]
    prompt = {
        "1": image(8, 0xFFFFFF),
        "2": {"class_type": f"{P}_AdjustBrightness", "inputs": {"image": ["1", 0], "factor": 0.5}},
        "9": {"class_type": "PreviewImage", "inputs": {"images": ["2", 0]}},
    }
    assert pixel(server, prompt) == (127, 127, 127)


def write_grade(path: Path, matrix: list[list[float]]) -> None:
    """A colour grade file, as the pack's color_grade.write makes it."""
    import torch
    from safetensors.torch import save_file

    save_file({"matrix": torch.tensor(matrix), "bias": torch.zeros(3)}, str(path))


def test_model_files_are_listed_read_once_kept_and_read_again(server, grown_pack):
    a = grown_pack.answers
    P = a["node_prefix"]
    load, apply = f"{P}_LoadColorGrade", f"{P}_ApplyColorGrade"

    def options() -> list[str]:
        spec = server.get(f"/object_info/{load}")[1][load]["input"]["required"]["grade_name"]
        return spec[1]["options"] if spec[0] == "COMBO" else spec[0]

    def graded(size: int, name: str = "swap.safetensors") -> dict:
        return {
            "1": image(size, 0xFF0000),
            "2": {"class_type": load, "inputs": {"grade_name": name}},
            "3": {"class_type": apply, "inputs": {"image": ["1", 0], "grade": ["2", 0]}},
            "9": {"class_type": "PreviewImage", "inputs": {"images": ["3", 0]}},
        }

    def reads() -> int:
        return server.log().count(LOADED)

    assert options() == []  # nothing installed yet
    folder = server.base / "models" / a["__registry_name"]
    folder.mkdir(parents=True)
    write_grade(folder / "swap.safetensors", [[0, 1, 0], [1, 0, 0], [0, 0, 1]])  # red becomes green
    (folder / "notes.txt").write_text("not a model", encoding="utf-8")
    assert options() == ["swap.safetensors"]  # what the page's refresh (R) asks for: dropped in after start-up
    assert reads() == 0  # read when a workflow runs, not when listed

    assert pixel(server, graded(8)) == (0, 255, 0) and reads() == 1
    assert pixel(server, graded(10)) == (0, 255, 0) and reads() == 1  # another prompt, the same file: kept
    assert server.post_json("/free", {"unload_models": True, "free_memory": True})[0] == 200
    pixel(server, graded(12))  # ComfyUI frees between prompts: by the next one at the latest
    assert pixel(server, graded(14)) == (0, 255, 0) and reads() == 2

    stat = (folder / "swap.safetensors").stat()
    write_grade(folder / "swap.safetensors", [[0, 0, 0], [0, 0, 0], [1, 0, 0]])  # now red becomes blue
    os.utime(folder / "swap.safetensors", ns=(stat.st_mtime_ns + 10**9, stat.st_mtime_ns + 10**9))
    assert pixel(server, graded(14)) == (0, 0, 255) and reads() == 3  # the same prompt: the file changed

    for bad in ("missing.safetensors", "../../user/comfy.settings.json", "notes.txt"):
        status, body = server.post_json("/prompt", {"prompt": graded(16, bad), "client_id": "tests"})
        errors = json.dumps(body.get("node_errors", {}).get("2", {}))
        assert status == 400 and ("no model file" in errors or "not in list" in errors), (bad, body)
    assert reads() == 3
