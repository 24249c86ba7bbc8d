"""The nodes as ComfyUI sees them (V3). ``comfy_api`` comes with ComfyUI: conftest.py finds it."""

import asyncio

import node_definitions
import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")
pytest.importorskip("comfy_api.v0_0_2", reason="needs ComfyUI: run the tests with its Python, or set COMFYUI_PATH")

from {{ cookiecutter.__package_name }} import CATEGORY, nodes  # noqa: E402

NODES = {node.GET_SCHEMA().node_id: node for node in asyncio.run(nodes.NodePackExtension().get_node_list())}


def test_every_node_has_its_category_a_description_and_tooltips():
    for node_id, node in NODES.items():
        schema = node.GET_SCHEMA()
        assert schema.category == CATEGORY and schema.display_name and schema.description, node_id
        assert all(i.tooltip for i in schema.inputs) and all(o.tooltip for o in schema.outputs), node_id


def test_no_change_breaks_saved_workflows(request):
    node_definitions.check(NODES, update=request.config.getoption("update_node_definitions"))


def test_the_example_workflows_and_blueprints_use_the_nodes_as_they_are():
    node_definitions.check_workflows(NODES)


def test_invert_node_runs():
    out = nodes.InvertImage.execute(torch.zeros(1, 2, 2, 3), 1.0)
    assert out.result is not None and torch.equal(out.result[0], torch.ones(1, 2, 2, 3))


def test_invert_node_validates_strength_with_a_clear_message():
    assert nodes.InvertImage.validate_inputs(strength=0.5) is True
    assert nodes.InvertImage.validate_inputs(strength=None) is True
    assert "between 0 and 1" in str(nodes.InvertImage.validate_inputs(strength=2.0))


def test_comfyui_loads_exactly_these_nodes_and_runs_the_example(comfyui):
    """Opt-in (see conftest.py): in a real ComfyUI, the pack's nodes, and its example workflow run."""
    assert comfyui.pack_nodes() == set(NODES)
    assert "2" in comfyui.run(node_definitions.PACK_DIR / "example_workflows" / "example.json")["executed_node_ids"]
