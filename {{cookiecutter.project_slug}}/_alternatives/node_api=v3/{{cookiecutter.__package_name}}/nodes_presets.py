"""The Apply Invert Preset node (V3): inverts with a saved preset and tells the browser which one it used."""

from __future__ import annotations

from comfy_api.v0_0_2 import io

from . import CATEGORY, invert, presets, routes


class ApplyPreset(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        return io.Schema(
            node_id="{{ cookiecutter.node_prefix }}_ApplyPreset",
            display_name="Apply Invert Preset",
            category=CATEGORY,
            description="Inverts the image with a preset and tells the browser which one it used.",
            inputs=[
                io.Image.Input("image", tooltip="The images to invert."),
                io.Combo.Input(
                    "preset",
                    options=presets.names(presets.node_user_dir),
                    tooltip="A preset shipped with the pack or saved in its sidebar tab.",
                ),
            ],
            outputs=[io.Image.Output(display_name="image", tooltip="The inverted images.")],
            hidden=[io.Hidden.unique_id],
        )

    @classmethod
    def validate_inputs(cls, preset: str | None = None) -> bool | str:
        # ComfyUI 0.3.75 does not check V3 COMBO values itself (0.33.0 does); this also gives a clearer message.
        return presets.check_name(preset, presets.node_user_dir)

    @classmethod
    def fingerprint_inputs(cls, preset: str) -> object:
        # A preset saved again under the same name: ComfyUI runs the node again instead of reusing its result.
        return presets.load(preset, presets.node_user_dir)["strength"]

    @classmethod
    def execute(cls, image, preset: str) -> io.NodeOutput:
        strength = presets.load(preset, presets.node_user_dir)["strength"]
        result = invert.invert(image, strength)
        routes.send_to_client(
            routes.PRESET_APPLIED, {"node": cls.hidden.unique_id, "preset": preset, "strength": strength}
        )
        return io.NodeOutput(result)
