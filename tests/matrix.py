"""The bake matrix, and the expected file tree of a pack, written independently of the post-gen hook.

The matrix is read from cookiecutter.json: every node_category x node_api x frontend combination the prompts
allow is baked, and every value of each other choice appears in at least one of those bakes. A new choice in
cookiecutter.json therefore extends the matrix by itself. Answers a kind of pack does not use (a front end
for a nodes-only pack, a node API for a front-end-only one) are baked too: they must give the same pack as
the answer that kind uses.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent
CONTEXT = json.loads((TEMPLATE / "cookiecutter.json").read_text(encoding="utf-8"))
CHOICES = {k: v for k, v in CONTEXT.items() if isinstance(v, list) and not k.startswith("_")}
AXES = ("node_category", "node_api", "frontend")  # crossed in full; the other choices are cycled over them


def combinations() -> list[dict]:
    crossed = list(itertools.product(*(CHOICES[a] for a in AXES)))
    others = {k: v for k, v in CHOICES.items() if k not in AXES}
    assert all(len(v) <= len(crossed) for v in others.values()), "a choice has more values than the matrix has rows"
    combos = []
    for i, values in enumerate(crossed):
        combo = dict(zip(AXES, values, strict=True))
        # Shifted every 2, 3, 4... rows, a different period per choice: no value stays tied to one value of the
        # last axis, nor to one value of another choice.
        combo.update({k: v[(i + i // (j + 2)) % len(v)] for j, (k, v) in enumerate(others.items())})
        combos.append(combo)
    assert all({c[k] for c in combos} == set(v) for k, v in others.items()), "a value of a choice is never baked"
    return combos


def effective(combo: dict) -> dict:
    """The answers that shape the pack: a nodes-only pack has no front end (the default, js, stands for
    none), a front-end-only pack no node API and no model nodes (the defaults, v3 and no)."""
    out = dict(combo)
    if out["node_category"] == "server":
        out["frontend"] = CHOICES["frontend"][0]
    if out["node_category"] == "client":
        out["node_api"] = CHOICES["node_api"][0]
        out["model_loader"] = CHOICES["model_loader"][0]
    return out


def distinct(combos: list[dict], keys: tuple[str, ...]) -> list[dict]:
    """One combination for each distinct value of ``keys`` in their effective answers: the artefacts that
    the per-artefact (tools) tier checks once."""
    seen: dict[tuple, dict] = {}
    for combo in combos:
        seen.setdefault(tuple(effective(combo)[k] for k in keys), combo)
    return list(seen.values())


def applies(folder_name: str, answers: dict) -> bool:
    """Does the alternatives folder ``a=x,b=y`` hold files for these answers (all of its answers match)?"""
    return all(answers.get(key) == value for key, _, value in (part.partition("=") for part in folder_name.split(",")))


def combo_id(combo: dict) -> str:
    """A readable test id: the kind, node API and front end (`connected-v3-vue`), which tell the combinations
    apart, and `models` for a pack with the model-loading nodes. Select one with `-k connected-v3-vue`."""
    return "-".join(combo[a] for a in AXES) + ("-models" if combo.get("model_loader") == "yes" else "")


# What every pack has, and what each kind, front end and answer adds. {pkg} and {P} stand for the package
# name and the node-id prefix.
COMMON = {".comfyignore", ".gitattributes", ".gitignore", ".cookiecutter.json", "README.md", "pyproject.toml",
          "requirements.txt", "__init__.py", "icon.svg", "tests/conftest.py", "tests/test_comfyui.py",
          "tests/test_pack.py", "tests/publish_check.py"}  # fmt: skip
NODES = {"{pkg}/__init__.py", "{pkg}/invert.py", "{pkg}/nodes.py", "{pkg}/progress.py",
         "example_workflows/example.json", "locales/en/nodeDefs.json", "tests/test_invert.py", "tests/test_nodes.py",
         "tests/node_definitions.py", "subgraphs/Soft Invert ({P}).json", "tests/test_node_definitions.py",
         "tests/node_definitions/{P}_InvertImage.json"}  # fmt: skip
WEB = {"tests/test_web.py"}
STATS = {"{pkg}/stats.py", "{pkg}/nodes_stats.py", "tests/test_stats.py", "web/docs/{P}_ImageStats.md",
         "tests/node_definitions/{P}_ImageStats.json"}  # fmt: skip
PRESETS = {"{pkg}/routes.py", "{pkg}/presets.py", "{pkg}/nodes_presets.py", "presets/soft.json", "presets/full.json",
           "tests/test_presets.py", "web/docs/{P}_ApplyPreset.md",
           "tests/node_definitions/{P}_ApplyPreset.json"}  # fmt: skip
TINT = {"{pkg}/tint.py", "{pkg}/nodes_tint.py", "tests/test_tint.py", "web/docs/{P}_InvertImage.md",
        "web/docs/{P}_TintImage.md", "tests/node_definitions/{P}_TintImage.json"}  # fmt: skip
MODELS = {"{pkg}/models.py", "{pkg}/color_grade.py", "{pkg}/nodes_color_grade.py", "tests/test_color_grade.py",
          "tests/node_definitions/{P}_LoadColorGrade.json",
          "tests/node_definitions/{P}_ApplyColorGrade.json"}  # fmt: skip
MODEL_DOCS = {"web/docs/{P}_LoadColorGrade.md", "web/docs/{P}_ApplyColorGrade.md"}  # in packs with a front end
BY_CATEGORY = {
    "server": NODES,
    "client": WEB,
    "independent": NODES | WEB | TINT | STATS,
    "connected": NODES | WEB | TINT | PRESETS,
}
# The front end's files, for every kind with one, then per kind.
BUILT = {"web/pack.js", "web/dist/main.js", "web/dist/main.css", "ui/package.json", "ui/package-lock.json",
         "ui/tsconfig.json", "ui/vite.config.ts", "ui/src/main.ts", "ui/src/comfy.ts",
         "ui/src/stylesheet.ts", "ui/src/extensions/hello.ts", "ui/test/fake-comfy.ts",
         "ui/test/hello.test.ts"}  # fmt: skip
PANELS = {"ts": {"ui/src/hello-panel.ts", "ui/src/panel.module.css"},
          "react": {"ui/src/hello-panel.tsx", "ui/src/panel.module.css"},
          "vue": {"ui/src/hello-panel.ts", "ui/src/HelloPanel.vue"}}  # fmt: skip
PRESET_PANELS = {"ts": {"ui/src/presets-panel.ts"}, "react": {"ui/src/presets-panel.tsx"},
                 "vue": {"ui/src/presets-panel.ts", "ui/src/PresetsPanel.vue"}}  # fmt: skip
WIDGET = {  # the on-node text and the colour picker, in the packs whose nodes have a front end
    flavour: {"ui/src/node-ui.ts", "ui/src/extensions/color-widget.ts", "ui/test/color-widget.test.ts", picker}
    | ({"ui/src/ColorPicker.vue"} if flavour == "vue" else set())
    for flavour, picker in (("ts", "ui/src/color-picker.ts"), ("react", "ui/src/color-picker.tsx"),
                            ("vue", "ui/src/color-picker.ts"))
}  # fmt: skip
FRONT_END = {
    "js": {
        None: {"web/hello.js", "ui/package.json", "ui/package-lock.json", "ui/jsconfig.json",
               "ui/vitest.config.js", "ui/types/comfy-shims.d.ts", "ui/test/comfy-scripts.js", "ui/test/fake-comfy.js",
               "ui/test/hello.test.js"},
        "independent": {"web/node-ui.js", "web/color-widget.js", "ui/test/color-widget.test.js", "web/stats.js",
                        "ui/test/stats.test.js"},
        "connected": {"web/node-ui.js", "web/color-widget.js", "ui/test/color-widget.test.js", "web/presets.js",
                      "ui/test/presets.test.js"},
    },
    **{
        flavour: {
            None: BUILT | PANELS[flavour],
            "independent": WIDGET[flavour] | {"ui/src/extensions/stats.ts", "ui/test/stats.test.ts"},
            "connected": WIDGET[flavour] | {"ui/src/extensions/presets.ts", "ui/test/presets.test.ts"}
            | PRESET_PANELS[flavour],
        }
        for flavour in ("ts", "react", "vue")
    },
}  # fmt: skip
NODE_IDS = {
    "server": ["InvertImage"],
    "client": [],
    "independent": ["InvertImage", "ImageStats", "TintImage"],
    "connected": ["InvertImage", "ApplyPreset", "TintImage"],
}
MODEL_NODE_IDS = ["LoadColorGrade", "ApplyColorGrade"]


def node_ids(answers: dict) -> list[str]:
    """The pack's node ids, without the prefix, in the order of its node list."""
    answers = effective(answers)
    return NODE_IDS[answers["node_category"]] + (MODEL_NODE_IDS if answers["model_loader"] == "yes" else [])


def expected_files(answers: dict) -> set[str]:
    answers = effective(answers)
    category = answers["node_category"]
    files = set(COMMON) | BY_CATEGORY[category]
    if category != "server":
        front_end = FRONT_END[answers["frontend"]]
        files |= front_end[None] | front_end.get(category, set())
    if answers["model_loader"] == "yes" and category != "client":
        files |= MODELS | (MODEL_DOCS if category != "server" else set())
    if answers["license"] != "none":
        files.add("LICENSE")
    if answers["github_actions"] == "yes":
        files |= {".github/workflows/tests.yml", ".github/release.py", ".github/dependabot.yml"}
    return {f.format(pkg=answers["__package_name"], P=answers["node_prefix"]) for f in files}


def expected_dirs(files: set[str]) -> set[str]:
    return {str(parent) for f in files for parent in Path(f).parents if str(parent) != "."}
