"""The nodes as ComfyUI sees them (V1): plain classes that import without ComfyUI."""

import node_definitions
import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")

from {{ cookiecutter.__package_name }} import CATEGORY, nodes  # noqa: E402

NODES = nodes.NODE_CLASS_MAPPINGS


def test_every_node_has_its_category_a_description_and_tooltips():
    for node_id, node in NODES.items():
        assert node.CATEGORY == CATEGORY and node.DISPLAY_NAME and node.DESCRIPTION, node_id
        assert callable(getattr(node(), node.FUNCTION)), node_id
        assert len(node.RETURN_TYPES) == len(node.RETURN_NAMES) == len(node.OUTPUT_TOOLTIPS), node_id
        assert all(extra.get("tooltip") for _, extra, _ in node_definitions.inputs(node).values()), node_id


def test_no_change_breaks_saved_workflows(request):
    node_definitions.check(NODES, update=request.config.getoption("update_node_definitions"))


def test_the_example_workflows_and_blueprints_use_the_nodes_as_they_are():
    node_definitions.check_workflows(NODES)


def test_invert_node_runs():
    (out,) = nodes.InvertImage().execute(torch.zeros(1, 2, 2, 3), 1.0)
    assert torch.equal(out, torch.ones(1, 2, 2, 3))


def test_invert_node_validates_strength_with_a_clear_message():
    assert nodes.InvertImage.VALIDATE_INPUTS(strength=0.5) is True
    assert nodes.InvertImage.VALIDATE_INPUTS(strength=None) is True
    assert "between 0 and 1" in str(nodes.InvertImage.VALIDATE_INPUTS(strength=2.0))


def test_comfyui_loads_exactly_these_nodes_and_runs_the_example(comfyui):
    """Opt-in (see conftest.py): in a real ComfyUI, the pack's nodes, and its example workflow run."""
    assert comfyui.pack_nodes() == set(NODES)
    assert "2" in comfyui.run(node_definitions.PACK_DIR / "example_workflows" / "example.json")["executed_node_ids"]
