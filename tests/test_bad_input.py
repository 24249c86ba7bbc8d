"""Bad answers: one clear ERROR line per bad answer, a non-zero exit, no traceback, and no folder left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from cookiecutter.exceptions import FailedHookException
from matrix import TEMPLATE

# field: bad values (each must be rejected with a message naming the field)
BAD = {
    "project_name": ["", "   ", "two\nlines", "tab\there", "x" * 101],
    "project_slug": [
        "",
        "../escape",
        "/abs/path",
        "has space",
        "dotted.name",
        "-lead",
        "core",
        "a/b",
        "CON",
        "aux",
        "Nul",
        "com1",
        "LPT9",
        "a" * 65,
    ],
    "__registry_name": ["", "My-Pack", "my--pack", "1pack", "pack-", "my-comfyui-pack", "p" * 100, "prn", "p" * 65],
    "__package_name": [
        "",
        "My_Pack",
        "1pack",
        "my-pack",
        "class",
        "json",
        "nodes",
        "comfy",
        "torch",
        "_" * 61,
        "nul",
        "com7",
        "web",  # a folder of the pack: cookiecutter would make it twice
        "_alternatives",
    ],
    "node_prefix": ["", "1Pack", "My_Pack", "My Pack", "Ünï", "Con", "LPT1", "P" * 33],
    "__route_prefix": ["", "api", "prompt", "Has-Upper", "with/slash", "-x"],
    "__js_prefix": ["", "Comfy", "_x", "a.b", "has space"],
    "author_name": ["", "two\nlines", "nul\x00byte"],
    "author_email": ["", "not-an-email", "a@b", "a b@c.d", "<a@b.c>"],
    "github_user": ["", "-lead", "trail-", "dou--ble", "has_underscore", "x" * 40],
    "__publisher_id": ["", "Upper", "1lead", "under_score", "sp ace"],
    "version": ["", "1", "1.0", "v1.0.0", "1.0.0-beta", "01.0.0", "1.0.0.0"],
    "description": ["", "two\nlines", "x" * 1001],
}
CASES = [(field, value) for field, values in BAD.items() for value in values]


def listing(path):
    return sorted(os.listdir(path)) if path.exists() else []


@pytest.mark.parametrize(("field", "value"), CASES, ids=[f"{f}={v[:20]!r}" for f, v in CASES])
def test_bad_answer_is_rejected_with_its_message_and_nothing_is_written(cookies, tmp_path, field, value):
    result = cookies.bake(extra_context={field: value}, template=str(TEMPLATE))
    assert result.exit_code != 0
    assert isinstance(result.exception, FailedHookException)
    message = str(result.exception).splitlines()
    assert message[0].startswith(f"ERROR: {field} = {value!r}: must be ") and "Nothing was written" in str(
        result.exception
    )
    # pytest-cookies bakes into tmp_path/cookies/bakeNN: that folder must still be empty
    assert [p for p in (tmp_path / "cookies").rglob("*") if p.name != "bake00"] == []


def run_cli(tmp_path, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", "-o", str(tmp_path / "out"), str(TEMPLATE), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        **kwargs,
    )


@pytest.mark.parametrize("answer", ["project_slug=", "project_slug=../../escape", "version=1.0", "__publisher_id=Me"])
def test_command_line_prints_one_clear_error_and_no_traceback(tmp_path, answer):
    out = run_cli(tmp_path, answer)
    field = answer.split("=")[0]
    assert out.returncode == 1
    assert (out.stderr + out.stdout).count(f"ERROR: {field} = ") == 1
    assert "Traceback" not in out.stderr + out.stdout
    assert listing(tmp_path / "out") == []
    assert not (tmp_path.parent / "escape").exists() and not (tmp_path / "escape").exists()


def test_an_answer_the_kind_does_not_use_is_noted_and_the_bake_goes_on(tmp_path):
    out = run_cli(tmp_path, "node_category=server", "frontend=react")
    assert out.returncode == 0, out.stderr
    assert "Note: frontend = 'react' is not used: a server-side-only pack has no front end." in out.stderr
    assert not (tmp_path / "out" / "my-node-pack" / "ui").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("version", "not-semver"), ("license", "WTFPL"), ("node_category", "everything"), ("node_api", "v2"),
     ("github_actions", "maybe"), ("__package_name", "os")],
)  # fmt: skip
def test_answers_are_checked_even_when_prompting_is_skipped(tmp_path, field, value):
    """A replay file skips cookiecutter's prompts and its choice checks: the check when the folder name is
    rendered still stops the bake."""
    good = run_cli(tmp_path, env={**os.environ, "HOME": str(tmp_path)})
    assert good.returncode == 0, good.stderr
    replay = json.loads((tmp_path / ".cookiecutter_replay" / f"{TEMPLATE.name}.json").read_text())
    replay["cookiecutter"][field] = value
    replay["cookiecutter"]["project_slug"] = "second"
    replay_file = tmp_path / "bad.json"
    replay_file.write_text(json.dumps(replay))
    out = subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--replay-file", str(replay_file), "-o", str(tmp_path / "out"),
         str(TEMPLATE)],
        capture_output=True, text=True, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert out.returncode == 1
    assert f"ERROR: {field} = {value!r}: must be " in out.stdout + out.stderr
    assert not (tmp_path / "out" / "second").exists()


def test_existing_output_folder_is_left_untouched(tmp_path):
    existing = tmp_path / "out" / "my-node-pack"
    existing.mkdir(parents=True)
    (existing / "__init__.py").write_bytes(b"# my own work\n\x00\xff")
    out = run_cli(tmp_path)
    assert out.returncode == 1
    assert "already exists" in out.stderr + out.stdout and "Traceback" not in out.stderr
    assert listing(existing) == ["__init__.py"]
    assert (existing / "__init__.py").read_bytes() == b"# my own work\n\x00\xff"


def test_existing_output_folder_is_overwritten_only_when_asked(tmp_path):
    existing = tmp_path / "out" / "my-node-pack"
    existing.mkdir(parents=True)
    (existing / "notes.txt").write_text("mine")
    out = run_cli(tmp_path, "--overwrite-if-exists")
    assert out.returncode == 0, out.stderr
    assert (existing / "notes.txt").read_text() == "mine" and (existing / "pyproject.toml").exists()


REBAKES = [["node_category=server"], ["node_category=connected", "frontend=js"],
           ["node_category=client", "frontend=vue"]]  # fmt: skip


def tree_bytes(root) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("answers", REBAKES, ids=[" ".join(a) for a in REBAKES])
def test_a_rebake_over_the_same_pack_restores_the_templates_files_and_keeps_the_authors(tmp_path, answers):
    assert run_cli(tmp_path, *answers).returncode == 0
    pack = tmp_path / "out" / "my-node-pack"
    fresh = tree_bytes(pack)
    (pack / "README.md").write_text("my own README", encoding="utf-8")
    (pack / "notes.txt").write_text("mine", encoding="utf-8")
    out = run_cli(tmp_path, *answers, "--overwrite-if-exists")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert tree_bytes(pack) == {**fresh, "notes.txt": b"mine"}  # as a fresh bake makes them, and the author's file


def test_a_rebake_keeps_the_authors_empty_folders_and_git_repository(tmp_path):
    """The hook removes only the empty folders cookiecutter made from the template: a pack that is a git repository
    (after `git gc`, whose refs/heads and refs/tags are empty) stays one, and the author's empty folders stay."""
    assert run_cli(tmp_path, "node_category=connected").returncode == 0
    pack = tmp_path / "out" / "my-node-pack"
    git = ["git", "-c", "user.name=A", "-c", "user.email=a@example.com", "-C", str(pack)]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "Initial commit"], ["gc", "-q"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    (pack / "models" / "later").mkdir(parents=True)
    empty = sorted(p for p in pack.rglob("*") if p.is_dir() and not any(p.iterdir()))
    assert pack / ".git" / "refs" / "heads" in empty  # what made the repository break
    out = run_cli(tmp_path, "node_category=connected", "--overwrite-if-exists")
    assert out.returncode == 0, out.stderr
    status = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True)
    assert status.returncode == 0 and status.stdout == "", status.stdout + status.stderr
    assert sorted(p for p in pack.rglob("*") if p.is_dir() and not any(p.iterdir())) == empty


@pytest.mark.parametrize("change", [["node_category=connected"], ["version=2.0.0"], "template version"])
def test_a_rebake_over_another_pack_is_refused_in_one_line_and_changes_nothing(tmp_path, change):
    assert run_cli(tmp_path, "node_category=server").returncode == 0
    pack = tmp_path / "out" / "my-node-pack"
    if change == "template version":  # a pack made with an earlier version of the template
        recorded = json.loads((pack / ".cookiecutter.json").read_text(encoding="utf-8"))
        recorded["_template_version"] = "1.1.0"
        (pack / ".cookiecutter.json").write_text(json.dumps(recorded, indent=2), encoding="utf-8")
        change = []
    before = tree_bytes(pack)
    out = run_cli(tmp_path, "node_category=server", *change, "--overwrite-if-exists")
    lines = [ln for ln in (out.stdout + out.stderr).splitlines() if ln.strip()]
    assert out.returncode == 1 and len(lines) == 1 and "cruft update" in lines[0], out.stdout + out.stderr
    assert tree_bytes(pack) == before


def test_an_output_folder_with_braces_in_its_path_gets_the_same_pack(tmp_path):
    """Cookiecutter renders each folder's absolute path: only the template's placeholders in it are filled in."""
    packs = []
    for out in (tmp_path / "plain", tmp_path / "o{x} {{y"):
        result = subprocess.run([sys.executable, "-m", "cookiecutter", "--no-input", "-o", str(out), str(TEMPLATE)],
                                capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
        assert result.returncode == 0, result.stderr[-2000:]
        pack = out / "my-node-pack"
        packs.append({p.relative_to(pack).as_posix(): p.read_bytes() for p in pack.rglob("*") if p.is_file()})
    assert packs[0] == packs[1]


# What stands in the way of a bake, made under tmp_path/out: (a path, "file" or "folder"), and whether the bake runs
# with --overwrite-if-exists (without it, an existing pack folder is refused by cookiecutter itself).
IN_THE_WAY = {
    "the output folder is a file": ("out", "file", False),
    "a folder above it is a file": ("out", "file", False, "out/deeper"),
    "the pack folder is a file": ("out/my-node-pack", "file", True),
    "the package folder is a file": ("out/my-node-pack/my_node_pack", "file", True),
    "a folder the server pack does not keep is a file": ("out/my-node-pack/ui", "file", True),
    "a file of the pack is a folder": ("out/my-node-pack/pyproject.toml", "folder", True),
    "a file the hook moves is a folder": ("out/my-node-pack/my_node_pack/nodes.py", "folder", True),
    "a file the hook copies is a folder": ("out/my-node-pack/LICENSE", "folder", True),
}


@pytest.mark.parametrize("case", IN_THE_WAY)
def test_a_file_or_folder_in_the_way_is_refused_in_one_line_and_nothing_is_written(tmp_path, case):
    path, kind, overwrite, *output = IN_THE_WAY[case]
    blocker = tmp_path / path
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.mkdir() if kind == "folder" else blocker.write_text("mine", encoding="utf-8")
    (blocker / "inside.txt").write_text("mine", encoding="utf-8") if kind == "folder" else None
    before = {p: p.read_bytes() if p.is_file() else None for p in tmp_path.rglob("*")}
    out = subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", "-o", str(tmp_path / (output[0] if output else "out")),
         str(TEMPLATE), *(["--overwrite-if-exists"] if overwrite else [])],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    text = out.stdout + out.stderr
    assert out.returncode == 1 and "Traceback" not in text, text[-3000:]
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("ERROR: ") and str(blocker) in lines[0], text
    assert {p: p.read_bytes() if p.is_file() else None for p in tmp_path.rglob("*")} == before
