"""The Apply Invert Preset node (V1): inverts with a saved preset and tells the browser which one it used."""

from __future__ import annotations

from . import CATEGORY, invert, presets, routes


class ApplyPreset:
    DISPLAY_NAME = "Apply Invert Preset"
    DESCRIPTION = "Inverts the image with a preset and tells the browser which one it used."
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
                "preset": (
                    presets.names(presets.node_user_dir),
                    {"tooltip": "A preset shipped with the pack or saved in its sidebar tab."},
                ),
            },
            "hidden": {"unique_id": "UNIQUE_ID"},
        }

    @classmethod
    def VALIDATE_INPUTS(cls, preset: str | None = None) -> bool | str:
        # Taking `preset` here replaces ComfyUI's own list check with this clearer message.
        return presets.check_name(preset, presets.node_user_dir)

    @classmethod
    def IS_CHANGED(cls, preset: str, unique_id: str | None = None) -> object:
        # A preset saved again under the same name: ComfyUI runs the node again instead of reusing its result.
        return presets.load(preset, presets.node_user_dir)["strength"]

    def execute(self, image, preset: str, unique_id: str | None = None) -> tuple:
        strength = presets.load(preset, presets.node_user_dir)["strength"]
        routes.send_to_client(routes.PRESET_APPLIED, {"node": unique_id, "preset": preset, "strength": strength})
        return (invert.invert(image, strength),)
