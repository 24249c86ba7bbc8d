"""The nodes as ComfyUI sees them (V3). ``comfy_api`` exists only inside ComfyUI: set COMFYUI_PATH to run these."""

import asyncio
import json
from pathlib import Path

import node_definitions
import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")
pytest.importorskip("comfy_api.v0_0_2", reason="needs ComfyUI: set COMFYUI_PATH to a ComfyUI checkout")

from {{ cookiecutter.__package_name }} import CATEGORY, nodes  # noqa: E402

NODE_DEFS = json.loads((Path(__file__).parent.parent / "locales" / "en" / "nodeDefs.json").read_text(encoding="utf-8"))


def node_list():
    extension = asyncio.run(nodes.comfy_entrypoint())
    return asyncio.run(extension.get_node_list())


def test_the_extension_lists_every_node_with_its_id_category_description_and_tooltips():
    schemas = [node.GET_SCHEMA() for node in node_list()]
    assert [s.node_id for s in schemas] == list(NODE_DEFS)
    for schema in schemas:
        assert schema.category == CATEGORY and schema.display_name and schema.description
        assert all(i.tooltip for i in schema.inputs), schema.node_id


def test_invert_node_runs():
    out = nodes.InvertImage.execute(torch.zeros(1, 2, 2, 3), 1.0)
    assert out.result is not None and torch.equal(out.result[0], torch.ones(1, 2, 2, 3))


def test_invert_node_validates_strength_with_a_clear_message():
    assert nodes.InvertImage.validate_inputs(strength=0.5) is True
    assert nodes.InvertImage.validate_inputs(strength=None) is True
    assert "between 0 and 1" in str(nodes.InvertImage.validate_inputs(strength=2.0))


def test_no_change_breaks_saved_workflows():
    node_definitions.check({node.GET_SCHEMA().node_id: node for node in node_list()})
