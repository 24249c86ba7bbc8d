"""Post-generation hook: remove what the chosen answers do not need, then print next steps.

PRUNE is the one table that says which files belong to which choice, with one addition: each front-end
flavour's own files sit in FLAVOURS/<frontend>/, laid out like the pack, and are moved into place for a
pack that has a front end. No git, pip, npm or network calls: the pack is left exactly as generated.
Standard library only; the answers arrive as JSON.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

PKG = "{package}"  # stands for the pack's Python package folder
DOC = "web/docs/{prefix}_"  # stands for a node's help page
FLAVOURS = "_flavours"  # FLAVOURS/<frontend>/ holds that flavour's files, at their places in the pack
# Shared by the built flavours (ts, react, vue); the plain-JS flavour brings its own ui/ tooling.
BUILT = ["ui/src", "ui/test", "ui/tsconfig.json", "ui/vite.config.ts", "web/pack.js"]

# (answer, value): paths (relative to the pack) that go when that answer has that value.
PRUNE = {
    ("node_category", "server"): [
        "web", "ui", "presets", f"{PKG}/routes.py", f"{PKG}/presets.py",
        "locales/en/settings.json", "locales/en/commands.json",
        "tests/test_routes.py", "tests/test_web.py",
    ],
    ("node_category", "client"): [
        PKG, "presets", "example_workflows", f"{DOC}InvertImage.md", f"{DOC}ImageStats.md",
        f"{DOC}ApplyPreset.md", "web/docs", "locales/en/nodeDefs.json",
        "tests/test_logic.py", "tests/test_nodes.py", "tests/test_routes.py",
    ],
    ("node_category", "independent"): [
        "presets", f"{PKG}/routes.py", f"{PKG}/presets.py", f"{DOC}ApplyPreset.md", "tests/test_routes.py",
    ],
    ("node_category", "connected"): [f"{DOC}ImageStats.md"],
    ("frontend", "js"): BUILT,
    ("license", "none"): ["LICENSE"],
    ("github_actions", "no"): [".github"],
}  # fmt: skip


def paths_to_prune(answers: dict) -> list[str]:
    """The pack-relative paths to remove for these answers, in table order."""
    names = {"package": answers["package_name"], "prefix": answers["node_prefix"]}
    return [
        path.format(**names) for (field, value), paths in PRUNE.items() if answers.get(field) == value for path in paths
    ]


def prune(root: Path, answers: dict) -> None:
    for rel in paths_to_prune(answers):
        path = root / rel
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    flavour = root / FLAVOURS / answers["frontend"]
    if answers["node_category"] != "server" and flavour.is_dir():
        for source in sorted(p for p in flavour.rglob("*") if p.is_file()):
            target = root / source.relative_to(flavour)
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
    shutil.rmtree(root / FLAVOURS, ignore_errors=True)


def next_steps(answers: dict) -> str:
    slug = answers["project_slug"]
    return (
        f"\nCreated {slug}/. Next steps:\n"
        f"  cd {slug} && git init && git add -A && git commit -m 'Initial commit'\n"
        f"  python -m venv .venv && . .venv/bin/activate && pip install -e '.[dev]' && pytest\n"
        f"  Try it: copy or link {slug}/ into ComfyUI/custom_nodes/ and restart ComfyUI.\n"
    )


def main() -> int:
    answers = json.loads(r"""{{ cookiecutter | tojson }}""")
    prune(Path.cwd(), answers)
    print(next_steps(answers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
