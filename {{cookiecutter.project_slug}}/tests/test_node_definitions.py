"""The guard in node_definitions.py: which changes to a node break saved workflows, and which workflows use
a node as it is not. Plain Python, no ComfyUI."""

import copy

import pytest
from node_definitions import breaking_changes, describe, workflow_problems

SAVED = {
    "Node": {
        "inputs": {
            "image": {"type": "IMAGE", "required": True},
            "mode": {"type": "COMBO", "required": True, "options": ["a", "b"]},
            "note": {"type": "STRING", "required": False},
        },
        "outputs": ["IMAGE"],
    }
}


def changed(edit) -> dict:
    new = copy.deepcopy(SAVED)
    edit(new["Node"])
    return new


@pytest.mark.parametrize(
    "edit, breaking",
    [
        (lambda n: None, ""),
        (lambda n: n["inputs"].update(extra={"type": "INT", "required": False}), ""),  # a new input at the end
        (lambda n: n["inputs"]["mode"]["options"].append("c"), ""),
        (lambda n: n["outputs"].append("MASK"), ""),
        (lambda n: n["inputs"].pop("note"), "input 'note' removed"),
        (lambda n: n["inputs"]["image"].update(type="LATENT"), "input 'image' is LATENT"),
        (lambda n: n["inputs"]["mode"]["options"].remove("a"), "lost the options ['a']"),
        (lambda n: n["inputs"]["note"].update(required=True), "input 'note' is newly required"),
        (lambda n: n["inputs"].update(extra={"type": "INT", "required": True}), "input 'extra' is newly required"),
        (lambda n: n.update(inputs=dict(reversed(n["inputs"].items()))), "inputs moved"),
        (lambda n: n.update(inputs={"extra": {"type": "INT", "required": False}, **n["inputs"]}), "inserted before"),
        (lambda n: n.update(outputs=["MASK"]), "outputs are ['MASK']"),
    ],
)
def test_breaking_changes(edit, breaking):
    found = " ".join(breaking_changes(SAVED, changed(edit)))
    assert (breaking in found) if breaking else found == ""


def test_a_removed_node_is_breaking():
    assert breaking_changes(SAVED, {}) == ["Node: node removed or renamed"]


def test_a_combo_of_the_users_files_is_recorded_as_such_not_by_its_options():
    class Files(list):
        from_user_files = True

    class Node:
        RETURN_TYPES = ("MODEL",)

        @classmethod
        def INPUT_TYPES(cls):
            return {"required": {"name": (Files(["today.safetensors"]), {}), "mode": (["a", "b"], {})}}

    assert describe(Node)["inputs"] == {
        "name": {"type": "COMBO", "required": True, "options": "user files"},
        "mode": {"type": "COMBO", "required": True, "options": ["a", "b"]},
    }
    assert breaking_changes({"N": describe(Node)}, {"N": describe(Node)}) == []


class Blend:
    RETURN_TYPES = ("IMAGE",)

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {"image": ("IMAGE", {}), "amount": ("FLOAT", {"default": 0.5})},
            "optional": {"seed": ("INT", {"control_after_generate": True}), "tint": ("MY_COLOR", {"default": "#fff"})},
        }


def node(kind: str, linked: tuple = (), values: tuple = ()) -> dict:
    """A node as a saved workflow holds it."""
    return {"id": 1, "type": kind, "inputs": [{"name": n, "link": 3} for n in linked], "widgets_values": list(values)}


def workflow(*nodes: dict, subgraph_nodes: tuple = ()) -> dict:
    return {"nodes": list(nodes), "definitions": {"subgraphs": [{"nodes": list(subgraph_nodes)}]}}


BLEND_VALUES = (0.5, 1, "fixed", "#fff")  # amount, seed and its control, tint


def test_a_workflow_that_uses_the_nodes_as_they_are_is_fine():
    ok, core = node("My_Blend", ("image",), BLEND_VALUES), node("ImageBlur", ("blur_radius",), (2,))
    assert workflow_problems(workflow(ok, core, subgraph_nodes=(ok,)), {"My_Blend": Blend}) == []


@pytest.mark.parametrize(
    "used, problem",
    [
        (node("My_Gone"), "node 1 (My_Gone): the pack has no such node"),
        (node("My_Blend", ("picture",), BLEND_VALUES), "no input 'picture'"),
        (node("My_Blend", ("image",), (0.5,)), "1 widget values, the node has 4"),
    ],
)
def test_a_workflow_naming_a_node_or_input_the_pack_lacks_is_reported(used, problem):
    assert problem in " ".join(workflow_problems(workflow(used), {"My_Blend": Blend}))
    assert problem in " ".join(workflow_problems(workflow(subgraph_nodes=(used,)), {"My_Blend": Blend}))
