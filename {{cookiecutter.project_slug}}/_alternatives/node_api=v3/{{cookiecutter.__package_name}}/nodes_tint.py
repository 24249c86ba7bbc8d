"""The Tint Image node (V3): multiplies images by a colour picked on the node with the pack's own widget."""

from __future__ import annotations

from comfy_api.v0_0_2 import io

from . import CATEGORY, tint

# The pack's own input type. ComfyUI's page draws a widget for an input from its type: the pack's front end
# registers the colour picker for this one (getCustomWidgets). Optional, with a default, so that a prompt
# sent without the page (the API mode) still runs.
Color = io.Custom("{{ cookiecutter.node_prefix | upper }}_COLOR")


class TintImage(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        return io.Schema(
            node_id="{{ cookiecutter.node_prefix }}_TintImage",
            display_name="Tint Image",
            category=CATEGORY,
            description="Multiplies every pixel by a colour picked on the node. White keeps the image.",
            inputs=[
                io.Image.Input("image", tooltip="The images to tint."),
                Color.Input(
                    "color",
                    optional=True,
                    tooltip="The colour to multiply by, written #rrggbb.",
                    extra_dict={"default": tint.WHITE},
                ),
            ],
            outputs=[io.Image.Output(display_name="image", tooltip="The tinted images.")],
        )

    @classmethod
    def execute(cls, image, color: str = tint.WHITE) -> io.NodeOutput:
        return io.NodeOutput(tint.tint(image, color))

    @classmethod
    def validate_inputs(cls, color: str | None = None) -> bool | str:
        if color is None:  # left out (the API mode) or linked from another node
            return True
        return tint.check_color(color) or True
