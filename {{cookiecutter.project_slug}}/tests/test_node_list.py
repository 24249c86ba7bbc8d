"""The pack's nodes agree everywhere: the ids in the code, their translations, the example workflow, and
(opt-in, see conftest.py) what a real ComfyUI lists and runs."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACK_DIR = Path(__file__).resolve().parent.parent
NODE_DEFS = json.loads((PACK_DIR / "locales" / "en" / "nodeDefs.json").read_text(encoding="utf-8"))
EXAMPLE = PACK_DIR / "example_workflows" / "example.json"


def test_every_node_in_the_code_has_a_display_name_and_tooltips_in_locales():
    package = PACK_DIR / "{{ cookiecutter.__package_name }}"
    source = "".join(p.read_text(encoding="utf-8") for p in package.glob("nodes*.py"))
    assert set(NODE_DEFS) == set(re.findall(r'"({{ cookiecutter.node_prefix }}_\w+)"', source))
    for node_id, node in NODE_DEFS.items():
        assert node["display_name"] and all(i.get("tooltip") for i in node["inputs"].values()), node_id


def test_the_example_workflow_uses_the_packs_nodes_and_core_ones():
    used = {node["type"] for node in json.loads(EXAMPLE.read_text(encoding="utf-8"))["nodes"]}
    assert used & set(NODE_DEFS) and used - set(NODE_DEFS) <= {"EmptyImage", "PreviewImage"}


def test_comfyui_lists_exactly_these_nodes(comfyui):
    info = comfyui.get("/object_info")
    assert {k for k, v in info.items() if v["python_module"] == f"custom_nodes.{PACK_DIR.name}"} == set(NODE_DEFS)


def test_the_example_workflow_runs_in_comfyui(comfyui):
    pytest.importorskip("comfy_cli", reason="needs comfy-cli: pip install -e '.[comfyui]'")
    out = subprocess.run(  # comfy-cli turns the workflow the page saves into the prompt ComfyUI runs
        [sys.executable, "-m", "comfy_cli", "--skip-prompt", "--no-enable-telemetry", "run", "--workflow",
         str(EXAMPLE), "--host", "127.0.0.1", "--port", str(comfyui.port), "--wait", "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    envelope = json.loads(out.stdout.strip().splitlines()[-1])
    assert envelope["ok"], out.stdout[-3000:] + out.stderr[-3000:]
    assert "2" in envelope["data"]["executed_node_ids"]  # node 2 is the pack's node
