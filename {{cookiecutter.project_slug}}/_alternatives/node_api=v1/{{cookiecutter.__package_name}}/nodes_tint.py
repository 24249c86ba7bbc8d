"""The Tint Image node (V1): multiplies images by a colour picked on the node with the pack's own widget."""

from __future__ import annotations

from . import CATEGORY, tint


class TintImage:
    DISPLAY_NAME = "Tint Image"
    DESCRIPTION = "Multiplies every pixel by a colour picked on the node. White keeps the image."
    CATEGORY = CATEGORY
    RETURN_TYPES = ("IMAGE",)
    RETURN_NAMES = ("image",)
    OUTPUT_TOOLTIPS = ("The tinted images.",)
    FUNCTION = "execute"

    @classmethod
    def INPUT_TYPES(cls) -> dict:
        return {
            "required": {"image": ("IMAGE", {"tooltip": "The images to tint."})},
            # The pack's own input type. ComfyUI's page draws a widget for an input from its type: the pack's
            # front end registers the colour picker for this one (getCustomWidgets). Optional, with a default,
            # so that a prompt sent without the page (the API mode) still runs.
            "optional": {
                "color": (
                    "{{ cookiecutter.node_prefix | upper }}_COLOR",
                    {"default": tint.WHITE, "tooltip": "The colour to multiply by, written #rrggbb."},
                )
            },
        }

    @classmethod
    def VALIDATE_INPUTS(cls, color: str | None = None) -> bool | str:
        if color is None:  # left out (the API mode) or linked from another node
            return True
        return tint.check_color(color) or True

    def execute(self, image, color: str = tint.WHITE) -> tuple:
        return (tint.tint(image, color),)
