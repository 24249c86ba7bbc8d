"""Post-generation hook: give the pack exactly the files its answers call for.

1. Files that differ by answer sit in ALTERNATIVES/<answer>=<value>[,<answer>=<value>]/, laid out like the
   pack (``node_api=v1/``, ``frontend=react/``, ``license=MIT/``, ``frontend=vue,node_category=client/``).
   The folders whose answers all match move into place; the rest go. (No file comes from two places: a test
   of the template checks that for every combination.)
2. PRUNE: a pack without a feature loses that feature's files. Which kind of pack has which feature is
   KINDS in extension.py; this hook gets the list with the answers.

``keeps`` says the same for one file, and the template's extension asks it while cookiecutter renders, so that
a file the pack does not keep is never written; what this hook then removes is mostly the empty folders
cookiecutter made. No git, pip, npm or network calls. Standard library only; cookiecutter renders this file
with the answers.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import os
import re
import shutil
import sys
from pathlib import Path

ALTERNATIVES = "_alternatives"
PKG = "{package}"  # stands for the pack's Python package folder
DOC = "web/docs/{prefix}_"  # stands for a node's help page
DEF = "tests/node_definitions/{prefix}_"  # stands for a node's committed definition

# feature: the paths (relative to the pack, glob patterns allowed) that a pack without it does not have.
PRUNE = {
    "nodes": [PKG, "example_workflows", "subgraphs", "locales", "web/docs", "tests/test_invert.py",
              "tests/test_nodes.py", "tests/*node_definitions*"],
    "web": ["web", "ui", "tests/test_web.py"],
    "built": ["web/pack.js", "ui/src", "ui/test/*.ts", "ui/tsconfig.json", "ui/vite.config.ts"],
    "node_ui": ["web/node-ui.js", "ui/src/node-ui.ts"],
    "tint": [f"{PKG}/tint.py", f"{PKG}/nodes_tint.py", f"{DOC}TintImage.md", f"{DEF}TintImage.json",
             "tests/test_tint.py", "web/color-widget.js", "ui/src/extensions/color-widget.ts", "ui/src/color-picker.*",
             "ui/src/ColorPicker.vue", "ui/test/color-widget.test.*"],
    "stats": [f"{PKG}/stats.py", f"{PKG}/nodes_stats.py", f"{DOC}ImageStats.md", f"{DEF}ImageStats.json",
              "tests/test_stats.py", "web/stats.js", "ui/src/extensions/stats.ts", "ui/test/stats.test.*"],
    "presets": [f"{PKG}/routes.py", f"{PKG}/presets.py", f"{PKG}/nodes_presets.py", f"{DOC}ApplyPreset.md",
                f"{DEF}ApplyPreset.json", "presets", "tests/test_presets.py", "web/presets.js",
                "ui/src/extensions/presets.ts", "ui/src/presets-panel.*", "ui/src/PresetsPanel.vue",
                "ui/test/presets.test.*"],
    "models": [f"{PKG}/models.py", f"{PKG}/color_grade.py", f"{PKG}/nodes_color_grade.py", f"{DOC}*ColorGrade.md",
               f"{DEF}*ColorGrade.json", "tests/test_color_grade.py"],
    "github_actions": [".github"],
}  # fmt: skip


def matches(folder_name: str, answers: dict) -> bool:
    """Does an alternatives folder named ``a=x,b=y`` belong to these answers?"""
    return all(answers.get(key) == value for key, _, value in (part.partition("=") for part in folder_name.split(",")))


def place_alternatives(root: Path, answers: dict) -> None:
    for folder in sorted((root / ALTERNATIVES).iterdir()):
        if not matches(folder.name, answers):
            continue
        for source in sorted(p for p in folder.rglob("*") if p.is_file()):
            target = root / source.relative_to(folder)  # over the file of an earlier bake, with -f
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
    shutil.rmtree(root / ALTERNATIVES)


def paths_to_prune(answers: dict, features: set[str]) -> list[str]:
    """The pack-relative paths (or patterns) to remove for a pack with these answers and features."""
    names = {"package": answers["__package_name"], "prefix": answers["node_prefix"]}
    return [path.format(**names) for feature, paths in PRUNE.items() if feature not in features for path in paths]


def pruned(answers: dict, features: set[str]) -> re.Pattern:
    """The pack paths that a pack with these answers and features does not have, as one pattern."""
    return union(tuple(paths_to_prune(answers, features)))


@functools.cache
def union(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(fnmatch.translate(p) for p in patterns) or "(?!)")


def keeps(rel: str, answers: dict, features: set[str]) -> bool:
    """Does a pack with these answers have the file the template holds at ``rel`` (its rendered path in the
    template's pack folder)? The template's extension asks while cookiecutter renders, so that a file the
    pack does not keep is never written."""
    parts = rel.replace("\\", "/").split("/")
    if parts[0] == ALTERNATIVES:
        if not matches(parts[1], answers):
            return False
        parts = parts[2:]
    pattern = pruned(answers, features)
    return not any(pattern.match("/".join(parts[: i + 1])) for i in range(len(parts)))


def prune(root: Path, answers: dict, features: set[str]) -> None:
    """Remove what the pack does not keep: mostly the folders cookiecutter made for files it did not write, and
    whatever an earlier bake left there (--overwrite-if-exists)."""
    pattern = pruned(answers, features)
    for folder, _, files in os.walk(root, topdown=False):
        rel = Path(folder).relative_to(root).as_posix()
        for name in files:
            if pattern.match(name if rel == "." else f"{rel}/{name}"):
                os.remove(os.path.join(folder, name))
        if rel != "." and (pattern.match(rel) or not os.listdir(folder)):
            shutil.rmtree(folder)


def next_steps(answers: dict) -> str:
    """What to do next: one command a line, the same in bash, PowerShell and cmd."""
    slug = answers["project_slug"]
    commands = [f"cd {slug}", "git init -b main", "git add -A", 'git commit -m "Initial commit"']
    return (
        f"\nCreated {slug}/. Next steps (README.md, Develop, says more):\n"
        + "".join(f"  {command}\n" for command in commands)
        + "Then link it into ComfyUI's custom_nodes folder, restart ComfyUI, and run the tests with ComfyUI's Python.\n"
    )


def main() -> int:
    answers = json.loads(r"""{{ cookiecutter | tojson }}""")
    features = set(json.loads(r"""{{ features() | tojson }}"""))
    root = Path.cwd()
    place_alternatives(root, answers)
    prune(root, answers, features)
    if "_commit" not in answers:  # cruft renders with _commit set: its updates need no next steps
        print(next_steps(answers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
