"""The nodes as ComfyUI sees them (V1): plain classes that import without ComfyUI."""

import json
from pathlib import Path

import node_definitions
import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")

from {{ cookiecutter.__package_name }} import CATEGORY, nodes  # noqa: E402

NODE_DEFS = json.loads((Path(__file__).parent.parent / "locales" / "en" / "nodeDefs.json").read_text(encoding="utf-8"))


def test_the_mappings_list_every_node_with_its_display_name():
    assert list(nodes.NODE_CLASS_MAPPINGS) == list(NODE_DEFS)
    assert nodes.NODE_DISPLAY_NAME_MAPPINGS == {k: v["display_name"] for k, v in NODE_DEFS.items()}


@pytest.mark.parametrize("node_id", list(NODE_DEFS))
def test_every_node_is_complete(node_id):
    cls = nodes.NODE_CLASS_MAPPINGS[node_id]
    assert cls.CATEGORY == CATEGORY and cls.DESCRIPTION and callable(getattr(cls(), cls.FUNCTION))
    assert len(cls.RETURN_TYPES) == len(cls.RETURN_NAMES) == len(cls.OUTPUT_TOOLTIPS)
    inputs = cls.INPUT_TYPES()
    for name, (_type, options) in {**inputs["required"], **inputs.get("optional", {})}.items():
        assert options.get("tooltip"), f"{node_id}.{name} has no tooltip"


def test_invert_node_runs():
    (out,) = nodes.InvertImage().execute(torch.zeros(1, 2, 2, 3), 1.0)
    assert torch.equal(out, torch.ones(1, 2, 2, 3))


def test_invert_node_validates_strength_with_a_clear_message():
    assert nodes.InvertImage.VALIDATE_INPUTS(strength=0.5) is True
    assert nodes.InvertImage.VALIDATE_INPUTS(strength=None) is True
    assert "between 0 and 1" in str(nodes.InvertImage.VALIDATE_INPUTS(strength=2.0))


def test_no_change_breaks_saved_workflows():
    node_definitions.check(nodes.NODE_CLASS_MAPPINGS)
