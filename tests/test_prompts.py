"""The questions as a new user meets them, in a real terminal (a pty): their order and text, an answer the
kind of pack does not use, and a mistyped answer with the command that asks again."""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from pathlib import Path

import pexpect
import pytest
from matrix import CONTEXT, TEMPLATE

PROMPTS = CONTEXT["__prompts__"]
QUESTIONS = [k for k in CONTEXT if not k.startswith("_")]  # asked, in this order
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def text(prompt) -> str:
    return prompt["__prompt__"] if isinstance(prompt, dict) else prompt


def session(argv: list[str], cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200", "HOME": str(cwd)}
    return pexpect.spawn(sys.executable, ["-m", "cookiecutter", *argv], cwd=str(cwd), env=env, encoding="utf-8",
                         timeout=60, dimensions=(50, 200))  # fmt: skip


def answer_all(child: pexpect.spawn, replies: dict[str, str]) -> list[str]:
    """Answer every question (Enter keeps the default), checking that each is shown as written and numbered;
    return the question texts in the order they came."""
    seen = []
    for number, key in enumerate(QUESTIONS, 1):
        child.expect_exact(f"[{number}/{len(QUESTIONS)}] {text(PROMPTS[key])}")
        seen.append(key)
        child.sendline(replies.get(key, ""))
    return seen


def output(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return ANSI.sub("", child.before or "")


@pytest.mark.parametrize("kind", CONTEXT["node_category"])
def test_every_kind_is_asked_for_first_and_baked_after_the_last_answer(kind, tmp_path):
    child = session([str(TEMPLATE), "-o", str(tmp_path / "out")], tmp_path)
    choice = str(CONTEXT["node_category"].index(kind) + 1)
    frontend = "2" if kind in ("server", "connected") else ""  # ts: a nodes-only pack does not use it
    seen = answer_all(child, {"node_category": choice, "frontend": frontend, "project_name": f"Pty {kind} pack"})
    assert seen[:3] == ["node_category", "frontend", "node_api"] and len(seen) == 14
    rest = output(child)
    assert child.exitstatus == 0, rest
    pack = tmp_path / "out" / f"pty-{kind}-pack"
    answers = json.loads((pack / ".cookiecutter.json").read_text())
    assert answers["node_category"] == kind and answers["project_name"] == f"Pty {kind} pack"
    assert ("frontend = 'ts' is not used" in rest) == (kind == "server")
    assert (pack / "ui" / "tsconfig.json").exists() == (kind == "connected")
    assert "ERROR" not in rest and "Traceback" not in rest


def test_a_mistyped_answer_is_reported_once_and_the_printed_command_asks_again_with_the_others_kept(tmp_path):
    child = session([str(TEMPLATE), "-o", str(tmp_path / "out")], tmp_path)
    answer_all(child, {"node_category": "4", "project_name": "Typo Pack", "author_name": "Jo Ann", "version": "1.0"})
    rest = output(child)
    assert child.exitstatus == 1 and rest.count("ERROR: version = '1.0': must be SemVer X.Y.Z") == 1, rest
    assert "Traceback" not in rest and not (tmp_path / "out").exists()
    command = next(line.strip() for line in rest.splitlines() if line.strip().startswith("cookiecutter "))
    argv = shlex.split(command)[1:]
    assert "version=1.0" not in argv and "project_name=Typo Pack" in argv and "author_name=Jo Ann" in argv
    retry = session([*argv, "-o", str(tmp_path / "out")], tmp_path)
    answer_all(retry, {})  # Enter all the way: the earlier answers are the defaults now
    rest = output(retry)
    assert retry.exitstatus == 0, rest
    answers = json.loads((tmp_path / "out" / "typo-pack" / ".cookiecutter.json").read_text())
    assert (answers["node_category"], answers["author_name"], answers["version"]) == ("connected", "Jo Ann", "0.1.0")


def test_a_mistyped_name_asks_again_without_the_names_it_gave_so_that_they_follow_the_new_one(tmp_path):
    """The folder name and node prefix derived from a refused display name are left out of the printed command:
    asked again, they follow the name typed then."""
    child = session([str(TEMPLATE), "-o", str(tmp_path / "out")], tmp_path)
    answer_all(child, {"project_name": "Long Name " * 10 + "X"})  # 101 characters
    rest = output(child)
    assert child.exitstatus == 1 and "ERROR: project_name = " in rest and "Traceback" not in rest, rest
    command = next(line.strip() for line in rest.splitlines() if line.strip().startswith("cookiecutter "))
    argv = shlex.split(command)[1:]
    assert not [a for a in argv if a.startswith(("project_name=", "project_slug=", "node_prefix="))], argv
    retry = session([*argv, "-o", str(tmp_path / "out")], tmp_path)
    answer_all(retry, {"project_name": "Short Pack"})
    rest = output(retry)
    assert retry.exitstatus == 0, rest
    answers = json.loads((tmp_path / "out" / "short-pack" / ".cookiecutter.json").read_text())
    assert (answers["project_slug"], answers["node_prefix"]) == ("short-pack", "ShortPack")


def test_a_name_windows_cannot_hold_is_refused_at_the_prompts_and_the_default_steers_around_it(tmp_path):
    child = session([str(TEMPLATE), "-o", str(tmp_path / "out")], tmp_path)
    answer_all(child, {"project_name": "Aux", "project_slug": "AUX"})
    rest = output(child)
    assert child.exitstatus == 1 and "ERROR: project_slug = 'AUX': must be a name Windows allows" in rest, rest
    assert "Traceback" not in rest and not (tmp_path / "out").exists()
    child = session([str(TEMPLATE), "-o", str(tmp_path / "out")], tmp_path)
    answer_all(child, {"project_name": "Aux"})  # the derived folder name
    assert child.exitstatus is None or child.exitstatus == 0
    output(child)
    assert (tmp_path / "out" / "aux-nodes" / "aux_nodes" / "nodes.py").is_file()


def test_typed_answers_that_read_like_the_templates_paths_are_kept_as_typed(tmp_path):
    """A name like one of the pack's folders, a path of the template and its placeholders, typed at the prompts:
    the pack bakes and shows them as typed."""
    child = session([str(TEMPLATE), "-o", str(tmp_path / "out")], tmp_path)
    typed = {"node_category": "4", "project_name": "Web", "description": "{{cookiecutter.project_slug}}",
             "author_name": "README.md"}  # fmt: skip
    answer_all(child, typed)
    rest = output(child)
    assert child.exitstatus == 0, rest
    answers = json.loads((tmp_path / "out" / "web" / ".cookiecutter.json").read_text())
    assert {key: answers[key] for key in ("project_name", "description", "author_name")} == {
        "project_name": "Web", "description": "{{cookiecutter.project_slug}}", "author_name": "README.md"
    }  # fmt: skip
    assert (tmp_path / "out" / "web" / "web_nodes" / "__init__.py").is_file()
    assert "ERROR" not in rest and "Traceback" not in rest
