"""Guard for saved workflows: the node definitions they rely on, compared with the ones committed in
tests/node_definitions/ (one file per node id).

A saved workflow names each node by its id, each link by input name and output position, and stores widget
values by position. So these changes break it: a node id removed or renamed, an input removed, renamed,
moved or given another type, a new input before an existing one, an input newly required, a combo option
removed, an output removed or given another type. Anything else (a new node, input or output at the end, a
new option) only needs the committed definitions refreshed. To change them on purpose (README, "Change a
node without breaking saved workflows"), run the tests once with UPDATE_NODE_DEFINITIONS=1 and commit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

COMMITTED = Path(__file__).parent / "node_definitions"


def describe(node) -> dict:
    """A node class's inputs (type, required, a combo's options) and output types, as ComfyUI lists them."""
    inputs = {}
    spec = node.INPUT_TYPES()
    for group in ("required", "optional"):
        for name, (kind, *extra) in spec.get(group, {}).items():
            options = kind if isinstance(kind, list) else (extra[0] if extra else {}).get("options")
            inputs[name] = {"type": "COMBO" if options is not None else kind, "required": group == "required"}
            if options is not None:
                inputs[name]["options"] = list(options)
    return {"inputs": inputs, "outputs": list(node.RETURN_TYPES)}


def breaking_changes(old: dict, new: dict) -> list[str]:
    """What in ``new`` would break a workflow saved with ``old`` (both: node id -> describe())."""
    found = []
    for node_id, before in old.items():
        after = new.get(node_id)
        if after is None:
            found.append(f"{node_id}: node removed or renamed")
            continue
        was, now = before["inputs"], after["inputs"]
        for name in was:
            if name not in now:
                found.append(f"{node_id}: input {name!r} removed or renamed")
            elif now[name]["type"] != was[name]["type"]:
                found.append(f"{node_id}: input {name!r} is {now[name]['type']}, was {was[name]['type']}")
            elif set(was[name].get("options", [])) - set(now[name].get("options", [])):
                lost = sorted(set(was[name]["options"]) - set(now[name]["options"]))
                found.append(f"{node_id}: input {name!r} lost the options {lost}")
        kept = [name for name in now if name in was]
        if kept != [name for name in was if name in now] or list(now)[: len(kept)] != kept:
            found.append(f"{node_id}: inputs moved or inserted before existing ones: {list(now)}, were {list(was)}")
        for name in now:
            if now[name]["required"] and not was.get(name, {}).get("required"):
                found.append(f"{node_id}: input {name!r} is newly required")
        if after["outputs"][: len(before["outputs"])] != before["outputs"]:
            found.append(f"{node_id}: outputs are {after['outputs']}, were {before['outputs']}")
    return found


def as_json(definition: dict) -> str:
    """One line per input, so that a diff shows which input changed."""
    inputs = ",\n".join(f"    {json.dumps(name)}: {json.dumps(spec)}" for name, spec in definition["inputs"].items())
    return f'{{\n  "inputs": {{\n{inputs}\n  }},\n  "outputs": {json.dumps(definition["outputs"])}\n}}\n'


def check(nodes: dict) -> None:
    """Fail if the nodes (id -> class) differ from the committed definitions; refresh those when asked."""
    current = {node_id: describe(node) for node_id, node in nodes.items()}
    if os.environ.get("UPDATE_NODE_DEFINITIONS"):
        for stale in COMMITTED.glob("*.json"):
            stale.unlink()
        for node_id, definition in current.items():
            (COMMITTED / f"{node_id}.json").write_text(as_json(definition), encoding="utf-8")
        return
    committed = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(COMMITTED.glob("*.json"))}
    breaking = breaking_changes(committed, current)
    assert not breaking, "these changes break saved workflows (see tests/node_definitions.py):\n" + "\n".join(breaking)
    assert current == committed, (
        "the nodes changed without breaking saved workflows: run the tests with UPDATE_NODE_DEFINITIONS=1 and "
        "commit tests/node_definitions/"
    )
