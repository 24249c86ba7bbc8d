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
from matrix import TEMPLATE

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
    text = text.replace(
        "def install(environment) -> None:\n",
        "def shout(value) -> str:\n    return str(value).upper()\n\n\ndef install(environment) -> None:\n",
    )
    text = text.replace(
        "        answers_json=answers_json,\n", "        answers_json=answers_json,\n        shout=shout,\n"
    )
    extension.write_text(text)
    (repo / PACK_TEMPLATE / "MAINTAINERS.md").write_text("# {{ cookiecutter.maintainer | shout }}\n")
    for dist in (repo / PACK_TEMPLATE / "_alternatives").glob("frontend=*,node_category=*/web/dist/main.js"):
        dist.write_text(dist.read_text() + "// rebuilt by the template\n")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "B", cwd=repo)


def readme_commands(pack: Path, template: Path) -> list[str]:
    """The shell lines of the pack README's "Take template updates" section, as written."""
    section = pack.joinpath("README.md").read_text().split("## Take template updates", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    lines = [ln.split("  #")[0].strip() for ln in block.splitlines()]
    return [ln.replace("<the template's git URL>", str(template)) for ln in lines if ln and not ln.startswith("#")]


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(root).parts}  # fmt: skip


@pytest.mark.parametrize("answers", SCENARIOS, ids=[json.dumps(s) for s in SCENARIOS])
def test_an_update_merges_the_templates_changes_and_keeps_the_authors(answers, template_repo, tmp_path):
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
        for line in commands[1:-2]:  # cruft link ..., git add .cruft.json && git commit ...
            run("bash", "-c", line.replace("cruft ", f"{CRUFT[0]} ", 1), cwd=pack)
    run(*CRUFT, "check", cwd=pack)
    # The author's own work, in a file the template will change too.
    readme = pack / "README.md"
    readme.write_text(readme.read_text() + "\nMy own notes.\n")
    git("commit", "-q", "-am", "My notes", cwd=pack)

    change_the_template(template_repo)
    assert run(*CRUFT, "check", cwd=pack, check=False).returncode != 0  # the pack is behind now
    out = run(*CRUFT, "update", "--skip-apply-ask", cwd=pack)
    assert "Good work! Project's cruft has been updated" in out.stdout + out.stderr
    run(*CRUFT, "check", cwd=pack)

    fresh_dir = tmp_path / "fresh"
    recorded = {k: v for k, v in json.loads((pack / ".cookiecutter.json").read_text()).items() if not k.startswith("_")}
    run(sys.executable, "-m", "cookiecutter", "--no-input", "-o", fresh_dir, template_repo,
        *[f"{k}={v}" for k, v in recorded.items()], cwd=tmp_path)  # fmt: skip
    fresh, updated = files(next(fresh_dir.iterdir())), files(pack)
    assert updated.pop("README.md") == fresh.pop("README.md") + b"\nMy own notes.\n"  # merged, edit kept
    assert updated.pop(".cruft.json") and updated["MAINTAINERS.md"] == b"# YOUR NAME\n"  # new file, new question
    if "web/dist/main.js" in updated:  # the build is not merged: the author rebuilds it
        assert b"rebuilt by the template" not in updated.pop("web/dist/main.js")
        assert b"rebuilt by the template" in fresh.pop("web/dist/main.js")
    assert updated == fresh
    assert not [f for f in updated if f.endswith(".rej")]
