"""Which changes to a node the guard in node_definitions.py counts as breaking saved workflows."""

import copy

import pytest
from node_definitions import breaking_changes

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
