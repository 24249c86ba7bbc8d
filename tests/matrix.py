"""The bake matrix and the expected file tree of a pack, written independently of the hooks.

The matrix is read from cookiecutter.json: every valid node_category x node_api x frontend combination
is baked, and every value of each other choice appears in at least one of those bakes. A new choice in
cookiecutter.json therefore extends the matrix by itself.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent
CONTEXT = json.loads((TEMPLATE / "cookiecutter.json").read_text(encoding="utf-8"))
CHOICES = {k: v for k, v in CONTEXT.items() if isinstance(v, list) and not k.startswith("_")}
AXES = ("node_category", "node_api", "frontend")  # crossed in full; the other choices are cycled over them


def is_valid(combo: dict) -> bool:
    """A server-side-only pack has no front end, so it takes only the default `js` (meaning none)."""
    return combo["node_category"] != "server" or combo["frontend"] == "js"


def combinations() -> list[dict]:
    crossed = [v for v in itertools.product(*(CHOICES[a] for a in AXES)) if is_valid(dict(zip(AXES, v, strict=True)))]
    others = {k: v for k, v in CHOICES.items() if k not in AXES}
    assert all(len(v) <= len(crossed) for v in others.values()), "a choice has more values than the matrix has rows"
    combos = []
    for i, values in enumerate(crossed):
        combo = dict(zip(AXES, values, strict=True))
        # i + i // 2: also shifted every two rows, so no value stays tied to one value of the last axis
        combo.update({k: v[(i + i // 2) % len(v)] for k, v in others.items()})
        combos.append(combo)
    return combos


def combo_id(combo: dict) -> str:
    return "-".join(f"{k}={v}" for k, v in combo.items())


# What every pack has, and what each answer adds. Paths use {pkg} and {P} for the package name and
# the node-id prefix.
COMMON = {".comfyignore", ".gitignore", "README.md", "pyproject.toml", "requirements.txt", "__init__.py",
          "icon.svg", "tests/conftest.py", "tests/comfyui_harness.py", "tests/test_comfyui.py",
          "tests/test_pack.py"}  # fmt: skip
NODES = {"{pkg}/__init__.py", "{pkg}/logic.py", "{pkg}/nodes.py", "example_workflows/example.json",
         "locales/en/nodeDefs.json", "tests/test_logic.py", "tests/test_nodes.py"}  # fmt: skip
WEB = {"tests/test_web.py", "locales/en/settings.json", "locales/en/commands.json"}
BUILT = {"web/pack.js", "web/dist/main.js", "web/dist/main.css", "ui/package.json", "ui/package-lock.json",
         "ui/tsconfig.json", "ui/vite.config.ts", "ui/src/main.ts", "ui/src/comfy.ts", "ui/src/example.ts",
         "ui/src/pack-config.d.ts", "ui/test/main.test.ts", "ui/test/fake-comfy.ts",
         "ui/test/pack-config.ts"}  # fmt: skip
BY_FRONTEND = {
    "js": {"web/main.js", "ui/package.json", "ui/package-lock.json", "ui/tsconfig.json", "ui/vitest.config.js",
           "ui/types/comfy-shims.d.ts", "ui/test/comfy-scripts.js", "ui/test/main.test.js"},
    "ts": BUILT | {"ui/src/sidebar.ts", "ui/src/sidebar.module.css"},
    "react": BUILT | {"ui/src/sidebar.tsx", "ui/src/sidebar.module.css", "ui/test/sidebar.test.tsx"},
    "vue": BUILT | {"ui/src/sidebar.ts", "ui/src/Panel.vue", "ui/test/Panel.test.ts"},
}  # fmt: skip
BY_CATEGORY = {
    "server": NODES,
    "client": WEB,
    "independent": NODES | WEB | {"web/docs/{P}_InvertImage.md", "web/docs/{P}_ImageStats.md"},
    "connected": NODES | WEB | {"web/docs/{P}_InvertImage.md", "web/docs/{P}_ApplyPreset.md",
                                "{pkg}/routes.py", "{pkg}/presets.py", "presets/soft.json", "presets/full.json",
                                "tests/test_routes.py"},
}  # fmt: skip
NODE_IDS = {
    "server": ["InvertImage"],
    "client": [],
    "independent": ["InvertImage", "ImageStats"],
    "connected": ["InvertImage", "ApplyPreset"],
}


def expected_files(answers: dict) -> set[str]:
    files = set(COMMON) | BY_CATEGORY[answers["node_category"]]
    if answers["node_category"] != "server":
        files |= BY_FRONTEND[answers["frontend"]]
    if answers["license"] != "none":
        files.add("LICENSE")
    if answers["github_actions"] == "yes":
        files |= {".github/workflows/tests.yml", ".github/workflows/publish.yml"}
    return {f.format(pkg=answers["package_name"], P=answers["node_prefix"]) for f in files}


def expected_dirs(files: set[str]) -> set[str]:
    return {str(parent) for f in files for parent in Path(f).parents if str(parent) != "."}
