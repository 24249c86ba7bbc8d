{%- set P = cookiecutter.node_prefix -%}
{%- set cat = cookiecutter.node_category -%}
{%- if cookiecutter.node_api == "v3" -%}
"""Nodes of {{ cookiecutter.registry_name }}, written with ComfyUI's V3 schema (comfy_api.v0_0_2).

Each node is an ``io.ComfyNode``: ``define_schema`` describes it, ``execute`` runs it. The maths lives
in ``logic.py`` so it can be tested without ComfyUI.
"""

from __future__ import annotations

from comfy_api.v0_0_2 import ComfyExtension, io{% if cat == "independent" %}, ui{% endif %}

from . import logic{% if cat == "connected" %}, presets, routes{% endif %}

CATEGORY = "{{ cookiecutter.registry_name }}/image"


class InvertImage(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        return io.Schema(
            node_id="{{ P }}_InvertImage",
            display_name="Invert Image",
            category=CATEGORY,
            description="Blends every pixel towards its negative. Strength 1 inverts the image fully.",
            inputs=[
                io.Image.Input("image", tooltip="The images to invert."),
                io.Float.Input(
                    "strength",
                    default=1.0,
                    min=0.0,
                    max=1.0,
                    step=0.01,
                    tooltip="How far to move towards the negative: 0 keeps the image, 1 inverts it.",
                ),
            ],
            outputs=[io.Image.Output(display_name="image", tooltip="The inverted images.")],
        )

    @classmethod
    def execute(cls, image, strength: float) -> io.NodeOutput:
        return io.NodeOutput(logic.invert(image, strength))

    @classmethod
    def validate_inputs(cls, strength: float | None = None) -> bool | str:
        # Taking `strength` here replaces ComfyUI's own min/max check with this clearer message.
        if strength is None:  # linked from another node: checked when the node runs
            return True
        return logic.check_strength(strength) or True
{%- if cat == "independent" %}


class ImageStats(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        return io.Schema(
            node_id="{{ P }}_ImageStats",
            display_name="Image Stats",
            category=CATEGORY,
            description="Measures size and per-channel mean, min and max, and shows them on the node.",
            is_output_node=True,
            inputs=[io.Image.Input("image", tooltip="The images to measure.")],
            outputs=[io.String.Output(display_name="stats", tooltip="The measurements as text.")],
        )

    @classmethod
    def execute(cls, image) -> io.NodeOutput:
        text = logic.format_stats(logic.image_stats(image))
        # The `ui` part reaches the browser; the pack's JavaScript shows it on the node.
        return io.NodeOutput(text, ui=ui.PreviewText(text))
{%- endif %}
{%- if cat == "connected" %}


class ApplyPreset(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        names = presets.names()
        return io.Schema(
            node_id="{{ P }}_ApplyPreset",
            display_name="Apply Invert Preset",
            category=CATEGORY,
            description="Inverts the image with a saved preset and tells the browser which one it used.",
            inputs=[
                io.Image.Input("image", tooltip="The images to invert."),
                io.Combo.Input(
                    "preset",
                    options=names,
                    default=names[0] if names else None,
                    tooltip="A preset saved in the pack's presets/ folder (manage them in the sidebar).",
                ),
            ],
            outputs=[io.Image.Output(display_name="image", tooltip="The inverted images.")],
            hidden=[io.Hidden.unique_id],
        )

    @classmethod
    def validate_inputs(cls, preset: str | None = None) -> bool | str:
        # ComfyUI 0.3.75 does not check V3 COMBO values itself (0.33.0 does); this also gives a clearer message.
        return presets.check_name(preset)

    @classmethod
    def execute(cls, image, preset: str) -> io.NodeOutput:
        strength = presets.load(preset)["strength"]
        result = logic.invert(image, strength)
        routes.send_to_client(
            routes.PRESET_APPLIED, {"node": cls.hidden.unique_id, "preset": preset, "strength": strength}
        )
        return io.NodeOutput(result)
{%- endif %}


class NodePackExtension(ComfyExtension):
    async def get_node_list(self) -> list[type[io.ComfyNode]]:
        return [InvertImage{% if cat == "independent" %}, ImageStats{% elif cat == "connected" %}, ApplyPreset{% endif %}]


async def comfy_entrypoint() -> ComfyExtension:
    """ComfyUI calls this to load the pack's nodes."""
    return NodePackExtension()
{% else -%}
"""Nodes of {{ cookiecutter.registry_name }}, written with ComfyUI's V1 (legacy) class API.

Each node is a class with ``INPUT_TYPES`` and a ``FUNCTION``; ``NODE_CLASS_MAPPINGS`` lists them. The
maths lives in ``logic.py`` so it can be tested without ComfyUI.
"""

from __future__ import annotations

from . import logic{% if cat == "connected" %}, presets, routes{% endif %}

CATEGORY = "{{ cookiecutter.registry_name }}/image"


class InvertImage:
    DESCRIPTION = "Blends every pixel towards its negative. Strength 1 inverts the image fully."
    CATEGORY = CATEGORY
    RETURN_TYPES = ("IMAGE",)
    RETURN_NAMES = ("image",)
    OUTPUT_TOOLTIPS = ("The inverted images.",)
    FUNCTION = "execute"

    @classmethod
    def INPUT_TYPES(cls) -> dict:
        return {
            "required": {
                "image": ("IMAGE", {"tooltip": "The images to invert."}),
                "strength": (
                    "FLOAT",
                    {
                        "default": 1.0,
                        "min": 0.0,
                        "max": 1.0,
                        "step": 0.01,
                        "tooltip": "How far to move towards the negative: 0 keeps the image, 1 inverts it.",
                    },
                ),
            }
        }

    @classmethod
    def VALIDATE_INPUTS(cls, strength: float | None = None) -> bool | str:
        # Taking `strength` here replaces ComfyUI's own min/max check with this clearer message.
        if strength is None:  # linked from another node: checked when the node runs
            return True
        return logic.check_strength(strength) or True

    def execute(self, image, strength: float) -> tuple:
        return (logic.invert(image, strength),)
{%- if cat == "independent" %}


class ImageStats:
    DESCRIPTION = "Measures size and per-channel mean, min and max, and shows them on the node."
    CATEGORY = CATEGORY
    RETURN_TYPES = ("STRING",)
    RETURN_NAMES = ("stats",)
    OUTPUT_TOOLTIPS = ("The measurements as text.",)
    OUTPUT_NODE = True
    FUNCTION = "execute"

    @classmethod
    def INPUT_TYPES(cls) -> dict:
        return {"required": {"image": ("IMAGE", {"tooltip": "The images to measure."})}}

    def execute(self, image) -> dict:
        text = logic.format_stats(logic.image_stats(image))
        # The "ui" part reaches the browser; the pack's JavaScript shows it on the node.
        return {"ui": {"text": [text]}, "result": (text,)}
{%- endif %}
{%- if cat == "connected" %}


class ApplyPreset:
    DESCRIPTION = "Inverts the image with a saved preset and tells the browser which one it used."
    CATEGORY = CATEGORY
    RETURN_TYPES = ("IMAGE",)
    RETURN_NAMES = ("image",)
    OUTPUT_TOOLTIPS = ("The inverted images.",)
    FUNCTION = "execute"

    @classmethod
    def INPUT_TYPES(cls) -> dict:
        names = presets.names()
        return {
            "required": {
                "image": ("IMAGE", {"tooltip": "The images to invert."}),
                "preset": (
                    names,
                    {"tooltip": "A preset saved in the pack's presets/ folder (manage them in the sidebar)."},
                ),
            },
            "hidden": {"unique_id": "UNIQUE_ID"},
        }

    @classmethod
    def VALIDATE_INPUTS(cls, preset: str | None = None) -> bool | str:
        # Taking `preset` here replaces ComfyUI's own list check with this clearer message.
        return presets.check_name(preset)

    def execute(self, image, preset: str, unique_id: str | None = None) -> tuple:
        strength = presets.load(preset)["strength"]
        result = logic.invert(image, strength)
        routes.send_to_client(routes.PRESET_APPLIED, {"node": unique_id, "preset": preset, "strength": strength})
        return (result,)
{%- endif %}


NODE_CLASS_MAPPINGS = {
    "{{ P }}_InvertImage": InvertImage,
{%- if cat == "independent" %}
    "{{ P }}_ImageStats": ImageStats,
{%- elif cat == "connected" %}
    "{{ P }}_ApplyPreset": ApplyPreset,
{%- endif %}
}

NODE_DISPLAY_NAME_MAPPINGS = {
    "{{ P }}_InvertImage": "Invert Image",
{%- if cat == "independent" %}
    "{{ P }}_ImageStats": "Image Stats",
{%- elif cat == "connected" %}
    "{{ P }}_ApplyPreset": "Apply Invert Preset",
{%- endif %}
}
{% endif -%}
