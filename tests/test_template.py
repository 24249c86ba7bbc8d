"""No silent traps for whoever changes the template: a copy-only file with template syntax, an alternatives folder
that names no real answer, a file coming from two places, a committed build older than its sources."""

from __future__ import annotations

import json
import re

import pytest
from conftest import COMBOS
from matrix import CHOICES, TEMPLATE, applies, combo_id

from local_extensions import load

SOURCE = TEMPLATE / "{{cookiecutter.project_slug}}"
ALTERNATIVES = SOURCE / "_alternatives"
VERBATIM = TEMPLATE / "verbatim"  # alternatives without Jinja, which the hook copies
bundles = load(TEMPLATE / "scripts" / "build-bundles.py")
ext = load(TEMPLATE / "extension.py")


def template_files() -> list[str]:
    return sorted(p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*") if p.is_file())


def test_a_file_is_a_template_exactly_when_it_holds_this_templates_jinja():
    """No list of files to copy without rendering, which could go stale: a file with cookiecutter's variables,
    a Jinja statement or one of this template's filters is rendered, any other is written as it is (test_bake.py
    checks both on every combination)."""
    for ours in ["x = '{{ cookiecutter.node_prefix }}'", "{% if has('web') %}", "{{ x | toml_str }}", "{# note #}"]:
        assert ext.OURS.search(ours), ours
    for theirs in ["<p>{{ count }}</p>", "run: ${{ github.token }}", "f'{before}^{{commit}}'", "`${a}`"]:
        assert not ext.OURS.search(theirs), theirs


def test_every_alternatives_folder_names_answers_that_exist():
    for folder in [*ALTERNATIVES.iterdir(), *VERBATIM.iterdir()]:
        for part in folder.name.split(","):
            answer, _, value = part.partition("=")
            assert value in CHOICES.get(answer, []), f"{folder.relative_to(TEMPLATE)}: no answer {answer}={value}"


def test_no_file_in_verbatim_holds_the_templates_jinja():
    """The hook copies verbatim/ as it is: a file there with the template's Jinja would ship it unrendered. Its
    place is the pack folder's _alternatives/."""
    found = [p for p in VERBATIM.rglob("*") if p.is_file() and ext.OURS.search(p.read_text(errors="replace"))]
    assert not found, f"move to {ALTERNATIVES.relative_to(TEMPLATE)}: {[str(p.relative_to(VERBATIM)) for p in found]}"


@pytest.mark.parametrize("combo", COMBOS, ids=[combo_id(c) for c in COMBOS])
def test_no_file_of_a_pack_comes_from_two_places(combo):
    shared = {rel for rel in template_files() if not rel.startswith("_alternatives/")}
    placed: dict[str, str] = {}
    for folder in (f for f in [*ALTERNATIVES.iterdir(), *VERBATIM.iterdir()] if applies(f.name, combo)):
        where = folder.relative_to(TEMPLATE).as_posix()
        for path in (p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder).as_posix()
            other = placed.get(rel, "the shared tree")
            assert rel not in shared and rel not in placed, f"{rel}: from {where} and {other}"
            placed[rel] = where


def test_committed_builds_were_made_from_the_current_sources(front_end_pack):
    """scripts/build-bundles.py records a hash of each build's sources; a source changed since (ui/, a package
    lock, the Vite config) means the committed build is stale, whatever npm would say."""
    a = front_end_pack.effective
    if "built" not in ext.features(a):
        pytest.skip("plain JavaScript has no build")
    recorded = json.loads((TEMPLATE / "scripts" / "bundle-sources.json").read_text(encoding="utf-8"))
    key = bundles.key(a["frontend"], a["node_category"])
    assert set(recorded) == {bundles.key(f, k) for f, k in bundles.built()}
    assert recorded[key] == bundles.sources_hash(front_end_pack.path), (
        f"the build for {key} is older than its sources: run `.venv/bin/python scripts/build-bundles.py`"
    )


def test_the_design_decisions_count_the_if_tags_the_pack_tree_has():
    """docs/design-decisions.md gives the number, with the command that counts it; it must stay true."""
    said = re.search(
        r"\((\d+) `\{% if %\}` tags in the pack tree", (TEMPLATE / "docs" / "design-decisions.md").read_text()
    )
    assert said, "docs/design-decisions.md no longer says how many {% if %} tags the pack tree has"
    tags = sum(len(re.findall(r"\{%-? *if", p.read_text(errors="replace"))) for p in SOURCE.rglob("*") if p.is_file())
    assert int(said.group(1)) == tags
