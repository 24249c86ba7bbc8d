"""What people type reaches every file exactly, and never as code."""

from __future__ import annotations

import ast
import json
import re
import tomllib

import pytest
from conftest import Pack
from matrix import TEMPLATE

NAME = 'Jane "JJ" O\'Neil \\ Ünïcode'
TRICKY = {
    "project_name": NAME + " {{ 7*7 }} {% raw %} ${{ github.token }}",
    "author_name": NAME,
    "description": "</script><img src=x onerror=alert(1)> $(touch pwned) `id` {{ cookiecutter.version }} 🎨",
}


@pytest.fixture(scope="module", params=["connected", "client"])
def hostile(request, cookies_session, tmp_path_factory):
    extra = {**TRICKY, "node_category": request.param, "license": "MIT", "project_slug": "hostile"}
    return Pack(cookies_session.bake(extra_context=extra, template=str(TEMPLATE)))


def test_answers_are_taken_literally_not_rendered(hostile):
    for field, value in TRICKY.items():
        assert hostile.answers[field] == value


def test_toml_round_trip(hostile):
    data = tomllib.loads(hostile.read("pyproject.toml"))
    assert data["tool"]["comfy"]["DisplayName"] == TRICKY["project_name"]
    assert data["project"]["description"] == TRICKY["description"]
    assert data["project"]["authors"][0]["name"] == NAME


def test_javascript_string_round_trip_and_no_script_breakout(hostile):
    js = hostile.read("web/hello.js")
    literal = re.search(r"^const PACK_NAME = (.*);$", js, re.M).group(1)
    assert json.loads(literal) == TRICKY["project_name"]
    assert "</script" not in js.lower()


def test_markdown_shows_the_text_and_no_markup(hostile):
    readme = hostile.read("README.md")
    assert readme.splitlines()[0] == "# " + TRICKY["project_name"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in readme and "<img" not in readme


def test_license_names_the_author_and_python_is_untouched(hostile):
    assert re.search(r"Copyright \(c\) \d{4} " + re.escape(NAME) + "\n", hostile.read("LICENSE"))
    for rel in hostile.files():
        if rel.endswith(".py"):
            source = hostile.read(rel)
            ast.parse(source)
            assert "pwned" not in source and "7*7" not in source


def test_nothing_ran(hostile):
    assert not (hostile.path / "pwned").exists() and not (TEMPLATE / "pwned").exists()
    assert "49" not in hostile.read("pyproject.toml")
