{%- set P = cookiecutter.node_prefix -%}
"""The pack's nodes, in ComfyUI's V1 (legacy) class API.

Each node is a class with ``INPUT_TYPES`` and a ``FUNCTION``; ``NODE_CLASS_MAPPINGS`` lists them by id.
The maths lives in plain functions that the tests call without ComfyUI.
"""

from __future__ import annotations

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


class InvertImage:
    DISPLAY_NAME = "Invert Image"
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
        return invert.check_strength(strength) or True

    def execute(self, image, strength: float) -> tuple:
        # One image at a time, moving the node's progress bar; the user's Cancel stops it between two.
        return (invert.invert(image, strength, progress.steps(len(image))),)


NODE_CLASS_MAPPINGS = {
    "{{ P }}_InvertImage": InvertImage,
{%- if has("stats") %}
    "{{ P }}_ImageStats": ImageStats,
{%- endif %}
{%- if has("presets") %}
    "{{ P }}_ApplyPreset": ApplyPreset,
{%- endif %}
{%- if has("tint") %}
    "{{ P }}_TintImage": TintImage,
{%- endif %}
{%- if has("models") %}
    "{{ P }}_LoadColorGrade": LoadColorGrade,
    "{{ P }}_ApplyColorGrade": ApplyColorGrade,
{%- endif %}
}

# Each class says its display name, as a V3 schema does; ComfyUI reads them from this mapping.
NODE_DISPLAY_NAME_MAPPINGS = {node_id: node.DISPLAY_NAME for node_id, node in NODE_CLASS_MAPPINGS.items()}
