"""Renaming a node as the packs' README teaches ("Change a node without breaking saved workflows"): the
README's own code, put into a baked pack whose Invert Image got a new id. First the pack's own guard refuses
the rename; then, with the README's code, a prompt that names the old id still runs, on each ComfyUI tree.
V3: a node replacement, which ComfyUI 0.33.0 applies to the prompt and lists at /node_replacements; 0.3.75
has no replacement API, and the pack still loads there. V1: a deprecated copy under the old id."""

from __future__ import annotations

import ast
import io
import json
import re
import sys
import urllib.parse

import pytest
from comfyui import ComfyUI, hosts, missing, tracebacks
from conftest import COMBOS, bake_fixture
from matrix import effective

pytestmark = pytest.mark.real

TREES = [h for h in hosts() if not h.newest_front_end]  # the server side: one host per ComfyUI tree
nodes_pack = bake_fixture([c for c in COMBOS if effective(c) == c and c["node_category"] == "server"])


def renamed(pack, tmp_path, readme_code: bool):
    """A copy of the pack with Invert Image's id changed and, if asked, the README's code for the old id."""
    P, pkg = pack.answers["node_prefix"], pack.answers["__package_name"]
    section = pack.read("README.md").split("## Change a node without breaking saved workflows", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    copy = pack.copy(tmp_path)
    nodes = copy / pkg / "nodes.py"
    text = nodes.read_text(encoding="utf-8")
    if pack.answers["node_api"] == "v3":
        text = text.replace(f'node_id="{P}_InvertImage"', f'node_id="{P}_Invert"')
    else:
        text = text.replace(f'"{P}_InvertImage": InvertImage', f'"{P}_Invert": InvertImage')
    if readme_code and pack.answers["node_api"] == "v3":
        imports, extension = code.split("\n\n\n", 1)
        text = re.sub(r"^from comfy_api\.v0_0_2 import .*$", imports.strip(), text, count=1, flags=re.M)
        on_load = extension.split("class NodePackExtension(ComfyExtension):\n", 1)[1].rstrip() + "\n\n"
        text = text.replace("class NodePackExtension(ComfyExtension):\n", "class NodePackExtension(ComfyExtension):\n"
                            + on_load, 1)  # fmt: skip
    elif readme_code:  # a nodes-only pack's mapping is exactly the README's
        text = re.sub(r"^NODE_CLASS_MAPPINGS = \{.*?^\}\n", code, text, count=1, flags=re.M | re.S)
    assert f'"{P}_Invert"' in text and text != nodes.read_text(encoding="utf-8")
    nodes.write_text(text, encoding="utf-8")
    return copy


def ids_where_manager_looks(pack) -> set[str]:
    """The node ids ComfyUI-Manager's scanner (scanner.py, behind "Install Missing Custom Nodes") reads from a
    pack: the keys of `*_CLASS_MAPPINGS = {...}` literals and V3 `node_id="..."` in its Python files, and the keys
    of its node_list.json."""
    ids = (
        set(json.loads((pack / "node_list.json").read_text(encoding="utf-8")))
        if (pack / "node_list.json").exists()
        else set()
    )
    for source in pack.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                if any(isinstance(t, ast.Name) and t.id.endswith("_CLASS_MAPPINGS") for t in node.targets):
                    ids |= {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
            elif isinstance(node, ast.keyword) and node.arg == "node_id" and isinstance(node.value, ast.Constant):
                ids.add(node.value.value)
    return ids


def test_the_guard_refuses_a_rename_and_the_readme_keeps_the_old_id_running(nodes_pack, tmp_path):
    if not TREES:
        missing("no ComfyUI to run: set COMFYUI_PATH, or let scripts/test.sh provision them")
    from PIL import Image

    a = nodes_pack.answers
    P, v3 = a["node_prefix"], a["node_api"] == "v3"
    plain = renamed(nodes_pack, tmp_path / "plain", readme_code=False)
    guard = nodes_pack.run(TREES[0].python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_nodes.py",
                           cwd=plain, env={"COMFYUI_PATH": str(TREES[0].tree)})  # fmt: skip
    assert guard.returncode == 1 and f"{P}_InvertImage: node removed or renamed" in guard.stdout, guard.stdout
    pack = renamed(nodes_pack, tmp_path / "pack", readme_code=True)
    # The README's next steps: the example workflow and the blueprint get the new id; refresh, and commit.
    for workflow in [*pack.glob("example_workflows/*.json"), *pack.glob("subgraphs/*.json")]:
        text = workflow.read_text(encoding="utf-8")
        workflow.write_text(text.replace(f'"{P}_InvertImage"', f'"{P}_Invert"'), encoding="utf-8")
    refresh = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_nodes.py", "--update-node-definitions"]
    for args in (refresh, ["-m", "pytest", "-q", "-p", "no:cacheprovider"]):  # then the pack's tests pass
        out = nodes_pack.run(TREES[0].python, *args, cwd=pack, env={"COMFYUI_PATH": ""})
        assert out.returncode == 0, out.stdout[-3000:]
    assert f"{P}_InvertImage" in ids_where_manager_looks(pack)  # its scanner still finds the old id
    for tree in TREES:
        base = tmp_path / tree.name
        (base / "custom_nodes").mkdir(parents=True)
        (base / "custom_nodes" / pack.name).symlink_to(pack, target_is_directory=True)
        with ComfyUI(tree, base) as server:
            assert [t for t in tracebacks(server.log()) if pack.name in t] == []
            info = server.object_info()
            assert f"{P}_Invert" in info
            replaces = v3 and "node_replacements" in server.get("/features")[1]  # ComfyUI 0.33.0 and newer
            if v3:
                status, replacements = server.get("/node_replacements")
                assert (status == 200) == replaces
                if replaces:
                    assert [r["new_node_id"] for r in replacements[f"{P}_InvertImage"]] == [f"{P}_Invert"]
            else:
                assert info[f"{P}_InvertImage"]["deprecated"] is True  # kept, but hidden from the search
            red = {"width": 8, "height": 8, "batch_size": 1, "color": 0xFF0000}
            prompt = {  # as the page's Export (API) writes it: 0.33.0's replacement needs each node's _meta
                "1": {"class_type": "EmptyImage", "inputs": red},
                "2": {
                    "class_type": f"{P}_InvertImage",
                    "inputs": {"image": ["1", 0], "strength": 1.0},
                    "_meta": {"title": "Invert Image"},
                },
                "3": {"class_type": "PreviewImage", "inputs": {"images": ["2", 0]}},
            }
            status, body = server.post_json("/prompt", {"prompt": prompt, "client_id": "tests"})
            if v3 and not replaces:
                assert status == 400 and f"{P}_InvertImage" in str(body)  # 0.3.75: no way to keep the old id
                continue
            assert status == 200, (body, server.log()[-3000:])
            entry = server.wait(body["prompt_id"])
            assert entry["status"]["status_str"] == "success", entry["status"]
            image = entry["outputs"]["3"]["images"][0]
            png = server.get("/view?" + urllib.parse.urlencode(image))[1]
            assert Image.open(io.BytesIO(png)).convert("RGB").getpixel((2, 2)) == (0, 255, 255)
    print(f"rename {a['node_api']}: trees {[t.name for t in TREES]}", file=sys.stderr)
