{%- set cat = cookiecutter.node_category -%}
"""The pack's metadata stays consistent as it grows. Needs neither torch nor ComfyUI."""

import json
{%- if cat != "client" %}
import re
{%- endif %}
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="needs Python 3.11 or newer")

PACK_DIR = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((PACK_DIR / "pyproject.toml").read_text(encoding="utf-8"))


def test_requirements_txt_matches_pyproject_dependencies():
    lines = (PACK_DIR / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert requirements == PYPROJECT["project"]["dependencies"]


def test_registry_fields_are_filled_in():
    project, comfy = PYPROJECT["project"], PYPROJECT["tool"]["comfy"]
    assert project["name"] and project["version"].count(".") == 2
    assert comfy["PublisherId"] and comfy["DisplayName"]
    assert project["urls"]["Repository"].startswith("https://")
{%- if cat != "client" %}


def node_ids() -> set[str]:
    source = (PACK_DIR / "{{ cookiecutter.package_name }}" / "nodes.py").read_text(encoding="utf-8")
    return set(re.findall(r'"({{ cookiecutter.node_prefix }}_\w+)"', source))


def test_every_node_has_display_names_and_tooltips_in_locales():
    node_defs = json.loads((PACK_DIR / "locales" / "en" / "nodeDefs.json").read_text(encoding="utf-8"))
    assert set(node_defs) == node_ids()
    for node_id, node in node_defs.items():
        assert node["display_name"] and all(i.get("tooltip") for i in node["inputs"].values()), node_id
{%- if cat != "server" %}


def test_every_node_has_a_help_page():
    assert {p.stem for p in (PACK_DIR / "web" / "docs").glob("*.md")} == node_ids()
{%- endif %}


def test_example_workflow_uses_only_the_packs_nodes_and_core_ones():
    workflow = json.loads((PACK_DIR / "example_workflows" / "example.json").read_text(encoding="utf-8"))
    used = {node["type"] for node in workflow["nodes"]}
    assert used & node_ids() and used - node_ids() <= {"EmptyImage", "PreviewImage"}
{%- else %}


def test_settings_and_commands_are_translated():
{%- if cookiecutter.frontend != "js" %}
    source = (PACK_DIR / "ui" / "src" / "example.ts").read_text(encoding="utf-8")
    js = source.replace("${pack.jsPrefix}", "{{ cookiecutter.js_prefix }}")
{%- else %}
    js = (PACK_DIR / "web" / "main.js").read_text(encoding="utf-8")
{%- endif %}
    for name in ("settings", "commands"):
        ids = json.loads((PACK_DIR / "locales" / "en" / f"{name}.json").read_text(encoding="utf-8"))
        assert all(key.replace("_", ".") in js for key in ids), name
{%- endif %}
