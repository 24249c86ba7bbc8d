"""What saved workflows rely on, and the files written from the nodes themselves.

The node classes are the one place that says a node's id, display name, description and tooltips. From them
this module keeps three things true, each checked by `check()` and refreshed on purpose with
``python -m pytest tests/test_nodes.py --update-node-definitions``:

* ``tests/node_definitions/<node id>.json``: what a saved workflow relies on. It names each node by its id,
  each link by input name and output position, and stores widget values by position. So these changes break
  it: a node id removed or renamed, an input removed, renamed, moved or given another type, a new input
  before an existing one, an input newly required, a combo option removed, an output removed or given
  another type. Anything else (a new input or output at the end, a new option) only needs a refresh.
* ``locales/en/nodeDefs.json``: each node's English text, as ComfyUI reads it and translators copy it to
  ``locales/<language>/nodeDefs.json``.
* ``node_list.json``: node ids that saved workflows may still name although the pack no longer registers
  them (renamed or removed), so that ComfyUI-Manager still offers this pack for such workflows.

A node the committed files have never seen (a node you just added) is written and reported, not failed; in
CI (``CI`` set) it fails instead, because what a runner writes is thrown away.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

PACK_DIR = Path(__file__).resolve().parent.parent
COMMITTED = PACK_DIR / "tests" / "node_definitions"
LOCALE = PACK_DIR / "locales" / "en" / "nodeDefs.json"
RETIRED = PACK_DIR / "node_list.json"
REFRESH = "python -m pytest tests/test_nodes.py --update-node-definitions"
WIDGET_TYPES = {"INT", "FLOAT", "STRING", "BOOLEAN", "COMBO"}  # what the page draws a widget for


def inputs(node) -> dict[str, tuple[str | list, dict, bool]]:
    """A node's inputs in order: name -> (type or combo options, options, required)."""
    spec = node.INPUT_TYPES()
    return {
        name: (kind, extra[0] if extra else {}, group == "required")
        for group in ("required", "optional")
        for name, (kind, *extra) in spec.get(group, {}).items()
    }


def describe(node) -> dict:
    """A node's inputs (type, required, a combo's options) and output types, as saved workflows see them.
    A combo whose options are the user's files (they say so with ``from_user_files``) is recorded as such."""
    described = {}
    for name, (kind, extra, required) in inputs(node).items():
        options = kind if isinstance(kind, list) else extra.get("options")
        described[name] = {"type": "COMBO" if options is not None else kind, "required": required}
        if options is not None:
            described[name]["options"] = "user files" if getattr(options, "from_user_files", False) else list(options)
    return {"inputs": described, "outputs": list(node.RETURN_TYPES)}


def display_name(node) -> str | None:
    """V1 classes say it as DISPLAY_NAME (nodes.py maps it for ComfyUI), V3 ones in their schema."""
    if hasattr(node, "GET_SCHEMA"):
        return node.GET_SCHEMA().display_name
    return getattr(node, "DISPLAY_NAME", None)


def english(node) -> dict:
    """A node's English text as locales/<language>/nodeDefs.json holds it (what the node leaves out, left out)."""
    names = getattr(node, "RETURN_NAMES", None) or node.RETURN_TYPES
    tips = getattr(node, "OUTPUT_TOOLTIPS", None) or [None] * len(names)
    outputs = enumerate(zip(names, tips, strict=False))
    text = {
        "display_name": display_name(node),
        "description": getattr(node, "DESCRIPTION", None),
        "inputs": {
            name: given(name=extra.get("display_name") or name, tooltip=extra.get("tooltip"))
            for name, (_kind, extra, _required) in inputs(node).items()
        },
        "outputs": {str(i): given(name=name, tooltip=tip) for i, (name, tip) in outputs},
    }
    return given(**text)


def given(**fields) -> dict:
    return {key: value for key, value in fields.items() if value is not None}


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
            elif isinstance(was[name].get("options"), list):
                lost = [o for o in was[name]["options"] if o not in (now[name].get("options") or [])]
                if lost:
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


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def refresh(nodes: dict) -> None:
    """Write every file from the nodes (``--update-node-definitions``)."""
    retired = read_json(RETIRED)
    for stale in COMMITTED.glob("*.json"):
        if stale.stem not in nodes:  # saved workflows may still name it
            retired.setdefault(stale.stem, read_json(LOCALE).get(stale.stem, {}).get("display_name", stale.stem))
        stale.unlink()
    COMMITTED.mkdir(exist_ok=True)
    for node_id, node in nodes.items():
        (COMMITTED / f"{node_id}.json").write_text(as_json(describe(node)), encoding="utf-8")
    write_json(LOCALE, {node_id: english(node) for node_id, node in nodes.items()})
    retired = {node_id: name for node_id, name in retired.items() if node_id not in nodes}
    if retired:
        write_json(RETIRED, retired)


def check(nodes: dict, update: bool = False) -> None:
    """Compare the nodes (id -> class) with the committed files; write what a new node needs."""
    if update:
        refresh(nodes)
        return
    committed = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(COMMITTED.glob("*.json"))}
    current = {node_id: describe(node) for node_id, node in nodes.items()}
    breaking = breaking_changes(committed, current)
    assert not breaking, "these changes break saved workflows (tests/node_definitions.py):\n" + "\n".join(breaking)
    new = [node_id for node_id in nodes if node_id not in committed]
    locale = read_json(LOCALE)
    if new and os.environ.get("CI"):
        raise AssertionError(f"no committed definition for {', '.join(new)}: run `{REFRESH}` and commit")
    if new:  # a node added since the last run: its files are written, to be committed with it
        for node_id in new:
            (COMMITTED / f"{node_id}.json").write_text(as_json(current[node_id]), encoding="utf-8")
            locale[node_id] = english(nodes[node_id])
        write_json(LOCALE, locale)
        written = f"tests/node_definitions/ and {LOCALE.relative_to(PACK_DIR).as_posix()}"
        warnings.warn(f"new nodes {', '.join(new)}: wrote {written}; commit them", stacklevel=2)
    changed = [node_id for node_id in nodes if node_id not in new and committed[node_id] != current[node_id]]
    changed += [node_id for node_id, node in nodes.items() if locale.get(node_id) != english(node)]
    changed += sorted(set(locale) - set(nodes))
    assert not changed, f"{', '.join(dict.fromkeys(changed))} changed: run `{REFRESH}` and commit what it writes"


def widget_values(node) -> int:
    """How many values a saved workflow stores for a node: one per input with a widget (a type the page draws a
    widget for, or one with a default, as the pack's own widget types have), two with control_after_generate."""
    count = 0
    for kind, extra, _required in inputs(node).values():
        if isinstance(kind, list) or kind in WIDGET_TYPES or "default" in extra:
            count += 2 if extra.get("control_after_generate") else 1
    return count


def workflow_problems(workflow: dict, nodes: dict) -> list[str]:
    """Pack nodes that a workflow (or the subgraphs it defines) names but the pack does not have, or uses
    with inputs or widget values the node does not have."""
    prefixes = {node_id.split("_", 1)[0] + "_" for node_id in nodes}
    graphs = [workflow, *workflow.get("definitions", {}).get("subgraphs", [])]
    found = []
    for node in (node for graph in graphs for node in graph["nodes"]):
        kind, where = node["type"], f"node {node['id']} ({node['type']})"
        if not kind.startswith(tuple(prefixes)):
            continue  # a core node, or a subgraph
        if kind not in nodes:
            found.append(f"{where}: the pack has no such node")
            continue
        names = inputs(nodes[kind])
        found += [f"{where}: no input {i['name']!r}" for i in node.get("inputs", []) if i["name"] not in names]
        values, expected = len(node.get("widgets_values") or []), widget_values(nodes[kind])
        if values != expected:
            found.append(f"{where}: {values} widget values, the node has {expected}")
    return found


def check_workflows(nodes: dict) -> None:
    """The example workflows and subgraph blueprints use the pack's nodes as they are."""
    found = []
    for path in sorted([*PACK_DIR.glob("example_workflows/*.json"), *PACK_DIR.glob("subgraphs/*.json")]):
        found += [f"{path.relative_to(PACK_DIR).as_posix()}: {p}" for p in workflow_problems(read_json(path), nodes)]
    assert not found, "\n".join(found)
