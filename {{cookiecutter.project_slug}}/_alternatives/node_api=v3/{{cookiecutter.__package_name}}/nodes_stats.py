"""The Image Stats node (V3): measures images; the pack's front end shows the numbers on the node."""

from __future__ import annotations

from comfy_api.v0_0_2 import io, ui

from . import CATEGORY, stats


class ImageStats(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        return io.Schema(
            node_id="{{ cookiecutter.node_prefix }}_ImageStats",
            display_name="Image Stats",
            category=CATEGORY,
            description="Measures size and per-channel mean, min and max, and shows them on the node.",
            is_output_node=True,
            inputs=[io.Image.Input("image", tooltip="The images to measure.")],
            outputs=[io.String.Output(display_name="stats", tooltip="The measurements as text.")],
        )

    @classmethod
    def execute(cls, image) -> io.NodeOutput:
        text = stats.format_stats(stats.image_stats(image))
        # The `ui` part reaches the browser that queued the workflow; the pack's front end shows it on the node.
        return io.NodeOutput(text, ui=ui.PreviewText(text))
