"""The colour-grade nodes (V1). Load Color Grade reads a model file from models/<pack>/ when the workflow runs;
Apply Color Grade uses what it read. ComfyUI keeps a node's result while later prompts ask for the same file
(they do not read it again), and drops it when asked to free memory (POST /free, the page's Unload Models)."""

from __future__ import annotations

from . import CATEGORY, color_grade, models

GRADE_NAME_TOOLTIP = f"A .safetensors file in models/{models.FOLDER}/. Added one? Press R in the page to list it."
# The pack's own type for a loaded grade: only inputs of this type accept it.
COLOR_GRADE = "{{ cookiecutter.node_prefix | upper }}_COLOR_GRADE"


class LoadColorGrade:
    DISPLAY_NAME = "Load Color Grade"
    DESCRIPTION = f"Loads a colour grade, a small model, from a .safetensors file in models/{models.FOLDER}/."
    CATEGORY = CATEGORY
    RETURN_TYPES = (COLOR_GRADE,)
    RETURN_NAMES = ("grade",)
    OUTPUT_TOOLTIPS = ("The colour grade, for Apply Color Grade.",)
    FUNCTION = "execute"

    @classmethod
    def INPUT_TYPES(cls) -> dict:
        return {"required": {"grade_name": (models.names(), {"tooltip": GRADE_NAME_TOOLTIP})}}

    @classmethod
    def VALIDATE_INPUTS(cls, grade_name: str | None = None) -> bool | str:
        # Taking `grade_name` here replaces ComfyUI's own list check with this clearer message.
        return models.check_name(grade_name)

    @classmethod
    def IS_CHANGED(cls, grade_name: str) -> object:
        # The same name with a new file behind it: ComfyUI runs the node again instead of reusing its result.
        return models.fingerprint(grade_name)

    def execute(self, grade_name: str) -> tuple:
        return (color_grade.read(models.path(grade_name)),)


class ApplyColorGrade:
    DISPLAY_NAME = "Apply Color Grade"
    DESCRIPTION = "Maps the colour of every pixel through a colour grade."
    CATEGORY = CATEGORY
    RETURN_TYPES = ("IMAGE",)
    RETURN_NAMES = ("image",)
    OUTPUT_TOOLTIPS = ("The graded images.",)
    FUNCTION = "execute"

    @classmethod
    def INPUT_TYPES(cls) -> dict:
        return {
            "required": {
                "image": ("IMAGE", {"tooltip": "The images to grade."}),
                "grade": (COLOR_GRADE, {"tooltip": "A colour grade from Load Color Grade."}),
            }
        }

    def execute(self, image, grade: dict) -> tuple:
        return (color_grade.apply(image, grade),)
