"""Post-generation hook: give the pack exactly the files its answers call for.

1. Files that differ by answer sit in ALTERNATIVES/<answer>=<value>[,<answer>=<value>]/, laid out like the
   pack (``node_api=v1/``, ``frontend=react/``, ``license=MIT/``, ``frontend=vue,node_category=client/``).
   The folders whose answers all match move into place; the rest go. Those of these files that hold none of
   the template's Jinja sit outside the pack folder, in the template's verbatim/<answer>=<value>/, so that
   cookiecutter does not walk them: they are copied as they are. (No file comes from two places, and no file
   in verbatim/ holds Jinja: tests of the template check both, for every combination.)
2. PRUNE: a pack without a feature does not have that feature's files. Which kind of pack has which feature is
   KINDS in extension.py.

``keeps`` applies both to one file. The template's extension asks it while cookiecutter renders, so that a file
the pack does not keep is never written, and lists the verbatim/ files the pack keeps; this hook then moves
the matching alternatives into place, copies those files, and removes the folders cookiecutter made for files
it did not write. It removes no file: over an earlier bake (--overwrite-if-exists) the author's own files stay.

No git, pip, npm or network calls. Standard library only; cookiecutter renders this file with the answers and
runs it in a new Python, whose start-up is much of a bake's cost: that run imports only os and sys
(``keeps`` imports what it needs when the extension calls it).
"""

import os
import sys

ALTERNATIVES = "_alternatives"
PKG = "{package}"  # stands for the pack's Python package folder
DOC = "web/docs/{prefix}_"  # stands for a node's help page
DEF = "tests/node_definitions/{prefix}_"  # stands for a node's committed definition

# feature: the paths (relative to the pack; "*" stands for any characters, "/" included) that a pack without it
# does not have, with everything under them.
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


def paths_to_prune(answers: dict, features: set[str]) -> list[str]:
    """The pack-relative paths (or patterns) that a pack with these answers and features does not have."""
    names = {"package": answers["__package_name"], "prefix": answers["node_prefix"]}
    return [path.format(**names) for feature, paths in PRUNE.items() if feature not in features for path in paths]


PATTERNS: dict = {}  # (package, prefix, features) -> one compiled pattern


def pruned(answers: dict, features: set[str]):
    """A pattern that matches the pack paths a pack with these answers and features does not have: a path of
    PRUNE, or anything under it (``*`` matches any run of characters, ``/`` included)."""
    key = (answers["__package_name"], answers["node_prefix"], frozenset(features))
    if key not in PATTERNS:
        import re

        paths = (re.escape(path).replace(r"\*", ".*") for path in paths_to_prune(answers, features))
        PATTERNS[key] = re.compile(f"(?:{'|'.join(paths) or '(?!)'})(?:/.*)?", re.DOTALL)
    return PATTERNS[key]


def keeps(rel: str, answers: dict, features: set[str]) -> bool:
    """Does a pack with these answers have the file the template holds at ``rel`` (its rendered path in the
    template's pack folder)?"""
    path = rel.replace("\\", "/")
    if path.startswith(ALTERNATIVES + "/"):
        _, folder, path = path.split("/", 2)
        if not matches(folder, answers):
            return False
    return not pruned(answers, features).fullmatch(path)


def place_alternatives(root: str, answers: dict) -> None:
    """Move the files of the alternatives folders that match the answers into place (over the file of an
    earlier bake, with -f), then remove ALTERNATIVES."""
    top = os.path.join(root, ALTERNATIVES)
    for name in sorted(os.listdir(top)):
        if matches(name, answers):
            folder = os.path.join(top, name)
            for here, _, files in os.walk(folder):
                target = os.path.normpath(os.path.join(root, os.path.relpath(here, folder)))
                os.makedirs(target, exist_ok=True)
                for file in files:
                    os.replace(os.path.join(here, file), os.path.join(target, file))
    for folder, _, files in os.walk(top, topdown=False):
        for file in files:  # none: the extension writes no file of a folder that does not match
            os.remove(os.path.join(folder, file))
        os.rmdir(folder)


def copy_verbatim(root: str, copies: list) -> None:
    """Copy the files of the template's verbatim/ folder that the pack has (the extension lists them, with
    ``keeps``) into place, byte for byte: variant files without the template's Jinja, which cookiecutter
    need not walk."""
    for source, rel in copies:
        target = os.path.join(root, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(source, "rb") as src, open(target, "wb") as dst:
            dst.write(src.read())


def remove_empty_folders(root: str, made: list) -> None:
    """Remove the folders cookiecutter made for files it did not write (the extension lists the folders it makes,
    one for each of the template's), deepest first. Other empty folders stay: over an earlier bake
    (--overwrite-if-exists), the author's own and git's (an empty .git/refs/heads is part of a repository)."""
    for folder in sorted(made, key=lambda path: path.count("/"), reverse=True):
        path = os.path.join(root, *folder.split("/"))
        if os.path.isdir(path) and not os.listdir(path):
            os.rmdir(path)


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
    # cookiecutter writes the (string) answers in as a Python literal: no json import at start-up
    answers = {{ cookiecutter | python_literal }}  # noqa: F821  # fmt: skip
    root = os.getcwd()
    place_alternatives(root, answers)
    copy_verbatim(root, {{ cookiecutter | verbatim_copies }})  # noqa: F821  # fmt: skip
    remove_empty_folders(root, {{ cookiecutter | made_folders }})  # noqa: F821  # fmt: skip
    if "_commit" not in answers:  # cruft renders with _commit set: its updates need no next steps
        print(next_steps(answers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
