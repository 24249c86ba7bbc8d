"""The Image Stats node (V1): measures images; the pack's front end shows the numbers on the node."""

from __future__ import annotations

from . import CATEGORY, stats


class ImageStats:
    DISPLAY_NAME = "Image Stats"
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
        text = stats.format_stats(stats.image_stats(image))
        # The "ui" part reaches the browser that queued the workflow; the pack's front end shows it on the node.
        return {"ui": {"text": [text]}, "result": (text,)}
