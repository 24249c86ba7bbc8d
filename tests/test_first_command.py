"""The template README's first command, on stock systems: Debian's own Python refuses a system-wide `pip
install` (PEP 668, as Ubuntu 24.04 and Homebrew do), and the README's forms (pipx, or a venv of its own) make a
pack there; a Python or cookiecutter older than the template needs stops with one line."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from matrix import TEMPLATE
from readme import blocks, section

pytestmark = pytest.mark.tools

DEBIAN_PYTHON = Path("/usr/bin/python3")
PYENV = Path.home() / ".pyenv" / "versions"


def readme_line(language: str, starts: str) -> str:
    """The README's command line, in ``language``'s blocks of "Make a pack", that starts with ``starts``."""
    text = section((TEMPLATE / "README.md").read_text(encoding="utf-8"), "Make a pack")
    lines = [ln for block in blocks(text, language) for ln in block.splitlines() if ln.startswith(starts)]
    assert lines, f"no {language} line starting {starts!r} in README.md, Make a pack"
    return lines[0]


def run(command: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def as_here(command: str, home: Path) -> str:
    """A README line with this template for `path/to/this/template` and a home of its own."""
    return command.replace("path/to/this/template", str(TEMPLATE)).replace("~/", f"{home}/")


@pytest.mark.skipif(not list(Path("/usr/lib").glob("python3*/EXTERNALLY-MANAGED")),
                    reason="no externally managed system Python (Debian's /usr/bin/python3) here")  # fmt: skip
def test_debians_python_refuses_pip_and_the_readmes_venv_line_makes_a_pack(tmp_path):
    refused = subprocess.run([DEBIAN_PYTHON, "-m", "pip", "install", "cookiecutter"], capture_output=True, text=True)
    assert refused.returncode != 0 and "externally-managed-environment" in refused.stdout + refused.stderr
    line = as_here(readme_line("bash", "python3 -m venv"), tmp_path)
    out = run(line, tmp_path, env={"PATH": f"{DEBIAN_PYTHON.parent}:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert (tmp_path / "my-node-pack" / "pyproject.toml").is_file()


def test_the_readmes_pipx_line_makes_a_pack(tmp_path):
    pipx = shutil.which("pipx")
    if not pipx:
        pytest.skip("pipx is not installed (scripts/test.sh installs Debian's)")
    line = readme_line("shell", "pipx run cookiecutter")
    out = run(as_here(line, tmp_path), tmp_path)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert (tmp_path / "my-node-pack" / "pyproject.toml").is_file()


@pytest.mark.parametrize(
    "python, cookiecutter, stop",
    [
        ("3.9", "cookiecutter", "this template needs Python 3.10 or newer, and this is Python 3.9"),
        ("3.11", "cookiecutter==2.6.0", "this template needs cookiecutter 2.7 or newer, and this is cookiecutter 2.6"),
        ("3.10", "cookiecutter", None),
        ("3.13", "cookiecutter", None),
    ],
)
def test_python_and_cookiecutter_versions(python, cookiecutter, stop, tmp_path):
    found = sorted(PYENV.glob(f"{python}.*/bin/python{python}"))
    if not found:
        pytest.skip(f"no Python {python} on this machine (pyenv)")
    subprocess.run([found[-1], "-m", "venv", tmp_path / "venv"], check=True)
    subprocess.run([tmp_path / "venv/bin/python", "-m", "pip", "install", "-q", cookiecutter], check=True)
    out = subprocess.run([tmp_path / "venv/bin/cookiecutter", "--no-input", "-o", tmp_path / "out", TEMPLATE],
                         capture_output=True, text=True)  # fmt: skip
    if stop is None:
        assert out.returncode == 0 and (tmp_path / "out" / "my-node-pack" / "pyproject.toml").is_file(), out.stderr
        return
    assert out.returncode == 1 and out.stdout.strip() == f"Unable to load extension: {stop}: see its README"
    assert "Traceback" not in out.stderr and not (tmp_path / "out").exists()
    assert re.search(r"Python 3\.10.*cookiecutter 2\.7", section((TEMPLATE / "README.md").read_text(), "Make a pack"))
