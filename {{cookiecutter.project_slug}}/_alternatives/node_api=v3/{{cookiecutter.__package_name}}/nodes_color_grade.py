"""The colour-grade nodes (V3). Load Color Grade reads a model file from models/<pack>/ when the workflow runs;
Apply Color Grade uses what it read. ComfyUI keeps a node's result while later prompts ask for the same file
(they do not read it again), and drops it when asked to free memory (POST /free, the page's Unload Models)."""

from __future__ import annotations

from comfy_api.v0_0_2 import io

from . import CATEGORY, color_grade, models

GRADE_NAME_TOOLTIP = f"A .safetensors file in models/{models.FOLDER}/. Added one? Press R in the page to list it."
# The pack's own type for a loaded grade: only inputs of this type accept it.
ColorGrade = io.Custom("{{ cookiecutter.node_prefix | upper }}_COLOR_GRADE")


class LoadColorGrade(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        return io.Schema(
            node_id="{{ cookiecutter.node_prefix }}_LoadColorGrade",
            display_name="Load Color Grade",
            category=CATEGORY,
            description=f"Loads a colour grade, a small model, from a .safetensors file in models/{models.FOLDER}/.",
            inputs=[io.Combo.Input("grade_name", options=models.names(), tooltip=GRADE_NAME_TOOLTIP)],
            outputs=[ColorGrade.Output(display_name="grade", tooltip="The colour grade, for Apply Color Grade.")],
        )

    @classmethod
    def validate_inputs(cls, grade_name: str | None = None) -> bool | str:
        return models.check_name(grade_name)

    @classmethod
    def fingerprint_inputs(cls, grade_name: str) -> object:
        # The same name with a new file behind it: ComfyUI runs the node again instead of reusing its result.
        return models.fingerprint(grade_name)

    @classmethod
    def execute(cls, grade_name: str) -> io.NodeOutput:
        return io.NodeOutput(color_grade.read(models.path(grade_name)))


class ApplyColorGrade(io.ComfyNode):
    @classmethod
    def define_schema(cls) -> io.Schema:
        return io.Schema(
            node_id="{{ cookiecutter.node_prefix }}_ApplyColorGrade",
            display_name="Apply Color Grade",
            category=CATEGORY,
            description="Maps the colour of every pixel through a colour grade.",
            inputs=[
                io.Image.Input("image", tooltip="The images to grade."),
                ColorGrade.Input("grade", tooltip="A colour grade from Load Color Grade."),
            ],
            outputs=[io.Image.Output(display_name="image", tooltip="The graded images.")],
        )

    @classmethod
    def execute(cls, image, grade: dict) -> io.NodeOutput:
        return io.NodeOutput(color_grade.apply(image, grade))
