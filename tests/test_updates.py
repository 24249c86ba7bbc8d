"""Template updates with cruft: a pack made from one template commit takes the next commit's changes and
keeps its author's edits, as the pack's README ("Take template updates") says."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from comfyui import git
from matrix import CONTEXT, TEMPLATE, applies, combinations, combo_id
from readme import blocks

from local_extensions import load

pytestmark = pytest.mark.tools

CRUFT = [str(Path(sys.executable).parent / "cruft")]
NOT_TEMPLATE = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", "artifacts",
                                      "node_modules", ".hypothesis")  # fmt: skip
PACK_TEMPLATE = "{{cookiecutter.project_slug}}"
# Packs whose update paths differ: each kind, and a built front end (whose build cruft skips).
SCENARIOS = [
    {"node_category": "server", "node_api": "v3"},
    {"node_category": "client", "frontend": "ts"},
    {"node_category": "independent", "node_api": "v1", "frontend": "react"},
    {"node_category": "connected", "frontend": "vue"},
]


def run(*cmd, cwd, check=True) -> subprocess.CompletedProcess:
    out = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert not check or out.returncode == 0, f"{cmd}\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return out


@pytest.fixture
def template_repo(tmp_path) -> Path:
    """This template as a git repository at its current state, tagged with its version."""
    repo = Path(shutil.copytree(TEMPLATE, tmp_path / "template", ignore=NOT_TEMPLATE))
    version = json.loads((repo / "cookiecutter.json").read_text())["_template_version"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "A"], ["tag", f"v{version}"]):
        git(*args, cwd=repo)
    return repo


def change_the_template(repo: Path) -> None:
    """Commit B: a changed line, a new file, a new question with a derived default, a new extension filter."""
    readme = repo / PACK_TEMPLATE / "README.md"
    readme.write_text(readme.read_text().replace("## Install\n", "## Install (changed by the template)\n"))
    context = json.loads((repo / "cookiecutter.json").read_text())
    items = list(context.items())
    at = [k for k, _ in items].index("author_email") + 1
    items.insert(at, ("maintainer", "{{ cookiecutter.author_name }}"))
    (repo / "cookiecutter.json").write_text(json.dumps(dict(items), indent=2, ensure_ascii=False))
    extension = repo / "extension.py"
    text = extension.read_text()
    assert text.count("\nFILTERS = {\n") == 1
    text = text.replace(
        "\nFILTERS = {\n",
        '\ndef shout(value) -> str:\n    return str(value).upper()\n\n\nFILTERS = {\n    "shout": shout,\n',
    )
    extension.write_text(text)
    (repo / PACK_TEMPLATE / "MAINTAINERS.md").write_text("# {{ cookiecutter.maintainer | shout }}\n")
    for dist in (repo / "verbatim").glob("frontend=*,node_category=*/web/dist/main.js"):
        dist.write_text(dist.read_text() + "// rebuilt by the template\n")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "B", cwd=repo)


def readme_commands(pack: Path, template: Path) -> list[str]:
    """The command lines of the pack README's "Take template updates" section, as written (its `shell` blocks,
    which run in bash and PowerShell alike; a 1.1.0 pack's README had one `bash` block)."""
    section = pack.joinpath("README.md").read_text(encoding="utf-8").split("## Take template updates", 1)[1]
    section = section.split("\n## ", 1)[0]
    lines = [ln.split("  #")[0].strip() for block in blocks(section, "(?:shell|bash)") for ln in block.splitlines()]
    return [ln.replace("<the template's git URL>", str(template)) for ln in lines if ln and not ln.startswith("#")]


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(root).parts}  # fmt: skip


def make_and_link(answers: dict, template_repo: Path, tmp_path: Path) -> Path:
    """A pack made from the template's tagged commit and committed; then linked to the template, as its README
    says, unless made with `cruft create`; the author's own line in a file the template changes too."""
    made = tmp_path / "made"
    made.mkdir()
    if answers["node_category"] == "server":  # made with plain cookiecutter, then linked as the README says
        run(sys.executable, "-m", "cookiecutter", "--no-input", "-o", made, template_repo,
            *[f"{k}={v}" for k, v in answers.items()], cwd=tmp_path)  # fmt: skip
    else:
        run(*CRUFT, "create", "--no-input", "--output-dir", made, "--extra-context", json.dumps(answers),
            template_repo, cwd=tmp_path)  # fmt: skip
    pack = next(made.iterdir())
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Made from the template"]):
        git(*args, cwd=pack)
    commands = readme_commands(pack, template_repo)
    assert commands[0] == "python -m pip install cruft" and commands[-2:] == [
        "cruft check",
        "cruft update --skip-apply-ask",
    ]
    if not (pack / ".cruft.json").exists():
        for line in commands[1:-2]:  # link to the template (cruft link), then commit .cruft.json
            line = re.sub(r"^python ", f"{sys.executable} ", line).replace("cruft link ", f"{CRUFT[0]} link ", 1)
            run("bash", "-c", line, cwd=pack)
    run(*CRUFT, "check", cwd=pack)
    readme = pack / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nMy own notes.\n", encoding="utf-8")
    git("commit", "-q", "-am", "My notes", cwd=pack)
    return pack


def update_and_compare(pack: Path, template_repo: Path, tmp_path: Path) -> tuple[dict, dict]:
    """`cruft update` to the template's newest commit; then the pack's files and those of a fresh bake of that
    commit with the answers the pack records, both without the author's line, .cruft.json and the build."""
    assert run(*CRUFT, "check", cwd=pack, check=False).returncode != 0  # the pack is behind now
    out = run(*CRUFT, "update", "--skip-apply-ask", cwd=pack)
    assert "Good work! Project's cruft has been updated" in out.stdout + out.stderr
    run(*CRUFT, "check", cwd=pack)
    fresh_dir = tmp_path / "fresh"
    recorded = json.loads((pack / ".cookiecutter.json").read_text(encoding="utf-8"))
    run(sys.executable, "-m", "cookiecutter", "--no-input", "-o", fresh_dir, template_repo,
        *[f"{k}={v}" for k, v in recorded.items() if not k.startswith("_")], cwd=tmp_path)  # fmt: skip
    fresh, updated = files(next(fresh_dir.iterdir())), files(pack)
    assert updated.pop("README.md") == fresh.pop("README.md") + b"\nMy own notes.\n"  # merged, edit kept
    assert updated.pop(".cruft.json")
    assert not [f for f in updated if f.endswith(".rej")]
    return updated, fresh


@pytest.mark.parametrize("answers", SCENARIOS, ids=[json.dumps(s) for s in SCENARIOS])
def test_an_update_merges_the_templates_changes_and_keeps_the_authors(answers, template_repo, tmp_path):
    pack = make_and_link(answers, template_repo, tmp_path)
    change_the_template(template_repo)
    updated, fresh = update_and_compare(pack, template_repo, tmp_path)
    assert updated["MAINTAINERS.md"] == b"# YOUR NAME\n"  # the new file, with the new question's derived answer
    if "web/dist/main.js" in updated:  # the build is not merged: the author rebuilds it
        assert b"rebuilt by the template" not in updated.pop("web/dist/main.js")
        assert b"rebuilt by the template" in fresh.pop("web/dist/main.js")
    assert updated == fresh


def released(version: str) -> str | None:
    """The commit of this repository that released ``version``: its tag, else the newest commit whose
    cookiecutter.json says that version (a clone may come without tags); None without the history."""
    if not (TEMPLATE / ".git").exists():
        return None
    tag = subprocess.run(["git", "rev-parse", "-q", "--verify", f"v{version}^{{commit}}"], cwd=TEMPLATE,
                         capture_output=True, text=True)  # fmt: skip
    if tag.returncode == 0:
        return tag.stdout.strip()
    commits = subprocess.run(["git", "rev-list", "HEAD"], cwd=TEMPLATE, capture_output=True, text=True).stdout.split()
    for commit in commits:
        shown = subprocess.run(["git", "show", f"{commit}:cookiecutter.json"], cwd=TEMPLATE, capture_output=True,
                               text=True)  # fmt: skip
        if f'"_template_version": "{version}"' in shown.stdout:
            return commit
    return None


# The releases a pack may update from: the one before this version (CHANGELOG's second entry), and 1.1.0, the
# first whose packs record their answers and version.
RELEASES = sorted({"1.1.0", re.findall(r"^## (\d+\.\d+\.\d+)", (TEMPLATE / "CHANGELOG.md").read_text(), re.M)[1]})


def released_repo(release: str, tmp_path: Path) -> Path:
    """A git repository holding the template as this repository released ``release``, tagged v<release>."""
    commit = released(release)
    if commit is None:
        pytest.skip(f"this checkout has no git history to find release {release} in")
    repo = tmp_path / "template"
    repo.mkdir()
    archive = subprocess.run(["git", "archive", commit], cwd=TEMPLATE, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", repo], input=archive, check=True)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", release], ["tag", f"v{release}"]):
        git(*args, cwd=repo)
    return repo


def now_the_template_as_it_is(repo: Path) -> None:
    """Commit this template, as it is now, on top of a released one."""
    for tracked in git("ls-files", cwd=repo).stdout.splitlines():
        (repo / tracked).unlink()
    shutil.copytree(TEMPLATE, repo, ignore=NOT_TEMPLATE, dirs_exist_ok=True)
    for args in (["add", "-A"], ["commit", "-q", "-m", "now"]):
        git(*args, cwd=repo)


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("answers", SCENARIOS, ids=[json.dumps(s) for s in SCENARIOS])
def test_a_pack_made_with_an_earlier_release_updates_to_this_one(answers, release, tmp_path):
    repo = released_repo(release, tmp_path)
    pack = make_and_link(answers, repo, tmp_path)
    now_the_template_as_it_is(repo)
    updated, fresh = update_and_compare(pack, repo, tmp_path)
    if "web/dist/main.js" in updated:  # not merged (tool.cruft skip): rebuilt by the author, as CHANGELOG says
        updated.pop("web/dist/main.js"), fresh.pop("web/dist/main.js")
        updated.pop("web/dist/main.css"), fresh.pop("web/dist/main.css")
    assert updated == fresh


def test_recorded_answers_a_newer_rule_refuses_still_update(tmp_path):
    """A pack made under 1.1.0 with a folder name Windows cannot hold and a node prefix longer than new packs
    may have: the update notes them and goes on."""
    repo = released_repo("1.1.0", tmp_path)
    pack = make_and_link({"node_category": "server", "project_slug": "aux", "node_prefix": "P" * 40}, repo, tmp_path)
    now_the_template_as_it_is(repo)
    out = run(*CRUFT, "update", "--skip-apply-ask", cwd=pack)
    assert "Good work! Project's cruft has been updated" in out.stdout + out.stderr
    notes = out.stdout + out.stderr
    assert (
        "Note: project_slug = 'aux': must be a name Windows allows" in notes
        and "(kept: this pack recorded it)" in notes
    )
    assert f"node_prefix = '{'P' * 40}'" in notes
    recorded = json.loads((pack / ".cookiecutter.json").read_text(encoding="utf-8"))
    assert (recorded["project_slug"], recorded["_template_version"]) == ("aux", CONTEXT["_template_version"])
    assert (pack / ".gitattributes").is_file() and not [f for f in files(pack) if f.endswith(".rej")]


def sources(template: Path, answers: dict) -> dict[str, bytes]:
    """Each path a pack with these answers may have, with the bytes of the template file(s) it comes from."""
    top = template / PACK_TEMPLATE
    found: dict[str, bytes] = {}
    tree = [(p.relative_to(top), p) for p in top.rglob("*") if p.is_file()]
    # alternatives without Jinja, laid out like _alternatives/ (earlier releases have no verbatim/)
    tree += [("_alternatives" / p.relative_to(template / "verbatim"), p) for p in (template / "verbatim").rglob("*")
             if p.is_file()]  # fmt: skip
    for rel, path in sorted(tree):
        rel = rel.as_posix()
        if rel.startswith("_alternatives/"):
            _, folder, rel = rel.split("/", 2)
            if not applies(folder, answers):
                continue
        rel = re.sub(r"\{\{cookiecutter\.(\w+)\}\}", lambda m: answers[m.group(1)], rel)
        found[rel] = found.get(rel, b"") + path.read_bytes()
    return found


def test_a_file_whose_source_did_not_change_is_baked_as_the_previous_release_baked_it(tmp_path):
    """Every combination, baked by the previous release and by this template: how the template renders (the
    extension, the hook) may change, what it makes may not, unless the file's source did (or the file shows the
    template's version). This kept issue 19's faster bakes honest: byte-identical packs for all 32."""
    previous = re.findall(r"^## (\d+\.\d+\.\d+)", (TEMPLATE / "CHANGELOG.md").read_text(), re.M)[1]
    old = released_repo(previous, tmp_path)
    compared = 0
    for combo in combinations():
        args = [f"{key}={value}" for key, value in combo.items()]
        packs = {}
        for name, template in (("old", old), ("new", TEMPLATE)):
            out = tmp_path / name / combo_id(combo)
            run(sys.executable, "-m", "cookiecutter", "--no-input", "-o", out, template, *args, cwd=tmp_path)
            packs[name] = next(out.iterdir())
        answers = json.loads((packs["new"] / ".cookiecutter.json").read_text(encoding="utf-8"))
        answers["__package_name"] = load(TEMPLATE / "extension.py").package_default(answers["project_slug"])
        before, after = sources(old, answers), sources(TEMPLATE, answers)
        made = {name: files(pack) for name, pack in packs.items()}
        for rel in sorted(set(made["old"]) | set(made["new"])):
            source = after.get(rel, b"")
            if (
                before.get(rel) == after.get(rel)
                and b"answers_json" not in source
                and b"_template_version" not in source
            ):
                assert made["old"].get(rel) == made["new"].get(rel), f"{combo_id(combo)}: {rel}"
                compared += 1
    assert compared > 32 * 10
