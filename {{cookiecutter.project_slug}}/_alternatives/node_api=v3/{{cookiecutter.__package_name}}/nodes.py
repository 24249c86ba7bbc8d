{%- set P = cookiecutter.node_prefix -%}
"""The pack's nodes, in ComfyUI's V3 schema (``comfy_api.v0_0_2``, the versioned API).

Each node is an ``io.ComfyNode``: ``define_schema`` describes it, ``execute`` runs it. The maths lives in
plain functions that the tests call without ComfyUI. ComfyUI calls ``comfy_entrypoint`` and asks the
extension it returns for the list of nodes.
"""

from __future__ import annotations

from comfy_api.v0_0_2 import ComfyExtension, io

from . import CATEGORY, invert, progress
{%- if has("models") %}
from .nodes_color_grade import ApplyColorGrade, LoadColorGrade
{%- endif %}
{%- if has("stats") %}
from .nodes_stats import ImageStats
{%- endif %}
{%- if has("presets") %}
from .nodes_presets import ApplyPreset
{%- endif %}
{%- if has("tint") %}
from .nodes_tint import TintImage
{%- endif %}


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
        # One image at a time, moving the node's progress bar; the user's Cancel stops it between two.
        return io.NodeOutput(invert.invert(image, strength, progress.steps(len(image))))

    @classmethod
    def validate_inputs(cls, strength: float | None = None) -> bool | str:
        # Taking `strength` here replaces ComfyUI's own min/max check with this clearer message.
        if strength is None:  # linked from another node: checked when the node runs
            return True
        return invert.check_strength(strength) or True


class NodePackExtension(ComfyExtension):
    async def get_node_list(self) -> list[type[io.ComfyNode]]:
        return [
            InvertImage,
{%- if has("stats") %}
            ImageStats,
{%- endif %}
{%- if has("presets") %}
            ApplyPreset,
{%- endif %}
{%- if has("tint") %}
            TintImage,
{%- endif %}
{%- if has("models") %}
            LoadColorGrade,
            ApplyColorGrade,
{%- endif %}
        ]


async def comfy_entrypoint() -> ComfyExtension:
    """ComfyUI calls this to load the pack's nodes."""
    return NodePackExtension()
