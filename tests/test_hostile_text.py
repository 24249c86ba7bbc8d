"""Property-based: arbitrary text in the free-text prompts gives a clear rejection or an exact, inert pack.

A fixed seed and a bounded number of examples per field keep the run short and repeatable; the named
hostile strings are always tried first.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from cookiecutter.exceptions import FailedHookException
from cookiecutter.main import cookiecutter
from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st
from matrix import TEMPLATE

FIELDS = ["project_name", "author_name", "description"]
EXAMPLES_PER_FIELD = 25
HOSTILE = [
    'Jane "JJ" O\'Neil \\ Ünïcode',
    "quote\"inside'both",
    "back\\slash\\",
    "new\nline",
    "tab\there",
    "nul\x00byte",
    "rtl \u202emark\u200f",
    "emoji 🎨🧪",
    "{{ cookiecutter.project_slug }}",
    "{% raw %}",
    "{{ 7*7 }}",
    "${{ github.token }}",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "$(touch pwned)",
    "`touch pwned`; rm -rf ~",
    "x" * 1000,
    "\u2028line separator",
    "README.md",  # the path of a file in the template's pack folder
    "web/pack.js",  # ... and of one that this pack does not have
    "{{cookiecutter.project_slug}}",  # the template's own path placeholders, as cookiecutter spells them
    "/a/{{cookiecutter.project_slug}}",
    "C:\\{{cookiecutter.__package_name}}",
    "{{cookiecutter.__package_name}}/nodes.py",
]
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(list("\"'\\{}%$<>`\n\t")),
    max_size=120,
)


# Identifiers fixed, so that a bake differs from the reference bake only where typed text is shown.
FIXED = {
    "project_slug": "hostile", "__registry_name": "hostile", "__package_name": "hostile_pack", "node_prefix": "Hostile",
    "__route_prefix": "hostile", "__js_prefix": "Hostile", "node_category": "connected", "license": "MIT",
}  # fmt: skip
_reference: dict[str, str] = {}


def python_sources(pack) -> dict[str, str]:
    return {p.relative_to(pack).as_posix(): p.read_text(encoding="utf-8") for p in pack.rglob("*.py")}


def reference(tmp_path) -> dict[str, str]:
    if not _reference:
        path = cookiecutter(str(TEMPLATE), no_input=True, extra_context=FIXED, output_dir=str(tmp_path / "ref"))
        _reference.update(python_sources(Path(path)))
    return _reference


def bake(tmp_path, field: str, value: str):
    """(pack folder, None) or (None, rejection message)."""
    out = tmp_path / f"out{len(list(tmp_path.iterdir()))}"
    extra = {**FIXED, field: value}
    try:
        path = cookiecutter(str(TEMPLATE), no_input=True, extra_context=extra, output_dir=str(out))
    except FailedHookException as exc:
        assert not out.exists() or not any(out.iterdir()), "a rejected bake left files behind"
        return None, str(exc)
    return path, None


def check_pack(path: str, field: str, value: str, tmp_path) -> None:
    pack = Path(path)
    assert python_sources(pack) == reference(tmp_path)  # typed text never reaches Python source
    for file in pack.rglob("*"):
        if not file.is_file():
            continue
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".toml":
            tomllib.loads(text)
        elif file.suffix == ".json":
            json.loads(text)
        elif file.suffix in (".yml", ".yaml"):
            yaml.safe_load(text)
    data = tomllib.loads((pack / "pyproject.toml").read_text(encoding="utf-8"))
    shown = {
        "project_name": data["tool"]["comfy"]["DisplayName"],
        "author_name": data["project"]["authors"][0]["name"],
        "description": data["project"]["description"],
    }
    assert shown[field] == value
    if field == "project_name":
        js = (pack / "web" / "hello.js").read_text(encoding="utf-8")
        literal = re.search(r"^const PACK_NAME = (.*);$", js, re.M).group(1)
        assert json.loads(literal) == value and "</" not in literal
    assert not (pack / "pwned").exists() and not (TEMPLATE / "pwned").exists()


def _property(field):
    @seed(20261125)
    @settings(
        max_examples=EXAMPLES_PER_FIELD,
        deadline=None,
        derandomize=False,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(value=TEXT)
    def run(tmp_path, value):
        path, rejection = bake(tmp_path, field, value)
        if rejection is not None:
            assert rejection.startswith(f"ERROR: {field} = "), rejection
            assert "must be" in rejection
        else:
            check_pack(path, field, value, tmp_path)

    for value in HOSTILE:
        run = example(value=value)(run)
    return run


@pytest.mark.parametrize("field", FIELDS)
def test_free_text_is_rejected_clearly_or_round_trips_inertly(field, tmp_path):
    _property(field)(tmp_path)
