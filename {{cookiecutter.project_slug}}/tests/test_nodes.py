{%- set P = cookiecutter.node_prefix -%}
{%- set cat = cookiecutter.node_category -%}
{%- if cookiecutter.node_api == "v3" -%}
"""V3 node tests. ``comfy_api`` exists only inside ComfyUI: set COMFYUI_PATH to run them."""

import asyncio

import pytest

torch = pytest.importorskip("torch", reason="needs torch: pip install -e '.[dev]'")
pytest.importorskip("comfy_api.v0_0_2", reason="needs ComfyUI: set COMFYUI_PATH to a ComfyUI checkout")

from {{ cookiecutter.package_name }} import nodes  # noqa: E402

EXPECTED = ["{{ P }}_InvertImage"{% if cat == "independent" %}, "{{ P }}_ImageStats"{% elif cat == "connected" %}, "{{ P }}_ApplyPreset"{% endif %}]


def node_list():
    extension = asyncio.run(nodes.comfy_entrypoint())
    return asyncio.run(extension.get_node_list())


def test_entrypoint_lists_the_nodes_with_prefixed_ids():
    assert [n.GET_SCHEMA().node_id for n in node_list()] == EXPECTED


def test_every_input_has_a_tooltip_and_category_is_the_packs():
    for node in node_list():
        schema = node.GET_SCHEMA()
        assert schema.category.startswith("{{ cookiecutter.registry_name }}/")
        assert schema.display_name and schema.description
        assert all(i.tooltip for i in schema.inputs), schema.node_id


def test_invert_node_runs():
    out = nodes.InvertImage.execute(torch.zeros(1, 2, 2, 3), 1.0)
    assert torch.equal(out.result[0], torch.ones(1, 2, 2, 3))


def test_invert_node_validates_strength_with_a_clear_message():
    assert nodes.InvertImage.validate_inputs(strength=0.5) is True
    assert nodes.InvertImage.validate_inputs(strength=None) is True
    assert "between 0 and 1" in nodes.InvertImage.validate_inputs(strength=2.0)
{%- if cat == "independent" %}


def test_stats_node_returns_text_and_a_ui_result():
    out = nodes.ImageStats.execute(torch.ones(1, 2, 2, 3))
    assert out.result[0].startswith("1 x 2x2")
    assert out.ui.as_dict() == {"text": (out.result[0],)}
{%- elif cat == "connected" %}


def test_apply_preset_node_offers_the_shipped_presets_and_refuses_others():
    options = nodes.ApplyPreset.GET_SCHEMA().inputs[1].options
    assert {"full", "soft"} <= set(options)
    assert nodes.ApplyPreset.validate_inputs(preset="soft") is True
    assert "unknown preset 'nope'" in nodes.ApplyPreset.validate_inputs(preset="nope")
{%- endif %}
{%- else -%}
"""V1 node tests: the classes are plain Python and import without ComfyUI."""

import pytest

torch = pytest.importorskip("torch", reason="needs torch: pip install -e '.[dev]'")

from {{ cookiecutter.package_name }} import nodes  # noqa: E402

EXPECTED = ["{{ P }}_InvertImage"{% if cat == "independent" %}, "{{ P }}_ImageStats"{% elif cat == "connected" %}, "{{ P }}_ApplyPreset"{% endif %}]


def test_mappings_list_the_nodes_with_prefixed_ids_and_display_names():
    assert list(nodes.NODE_CLASS_MAPPINGS) == EXPECTED
    assert set(nodes.NODE_DISPLAY_NAME_MAPPINGS) == set(EXPECTED)


@pytest.mark.parametrize("node_id", EXPECTED)
def test_every_node_is_complete(node_id):
    cls = nodes.NODE_CLASS_MAPPINGS[node_id]
    assert cls.CATEGORY.startswith("{{ cookiecutter.registry_name }}/") and cls.DESCRIPTION
    assert callable(getattr(cls(), cls.FUNCTION))
    assert len(cls.RETURN_TYPES) == len(cls.RETURN_NAMES) == len(cls.OUTPUT_TOOLTIPS)
    for name, (_type, options) in cls.INPUT_TYPES()["required"].items():
        assert options.get("tooltip"), f"{node_id}.{name} has no tooltip"


def test_invert_node_runs():
    (out,) = nodes.InvertImage().execute(torch.zeros(1, 2, 2, 3), 1.0)
    assert torch.equal(out, torch.ones(1, 2, 2, 3))


def test_invert_node_validates_strength_with_a_clear_message():
    assert nodes.InvertImage.VALIDATE_INPUTS(strength=0.5) is True
    assert nodes.InvertImage.VALIDATE_INPUTS(strength=None) is True
    assert "between 0 and 1" in nodes.InvertImage.VALIDATE_INPUTS(strength=2.0)
{%- if cat == "independent" %}


def test_stats_node_returns_text_and_a_ui_result():
    result = nodes.ImageStats().execute(torch.ones(1, 2, 2, 3))
    assert result["result"][0].startswith("1 x 2x2")
    assert result["ui"] == {"text": [result["result"][0]]}
{%- elif cat == "connected" %}


def test_apply_preset_node_offers_the_shipped_presets_and_runs():
    names, _options = nodes.ApplyPreset.INPUT_TYPES()["required"]["preset"]
    assert {"full", "soft"} <= set(names)
    assert nodes.ApplyPreset.VALIDATE_INPUTS(preset="soft") is True
    assert "unknown preset 'nope'" in nodes.ApplyPreset.VALIDATE_INPUTS(preset="nope")
    (out,) = nodes.ApplyPreset().execute(torch.zeros(1, 2, 2, 3), "soft", unique_id="7")
    assert torch.allclose(out, torch.full((1, 2, 2, 3), 0.5))
{%- endif %}
{%- endif %}
