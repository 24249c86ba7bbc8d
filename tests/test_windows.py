"""The author's own machine, Windows above all, proven as far as Linux can: a Windows-style checkout (Git for
Windows checks text out with CRLF, core.autocrlf=true) of the template and of a pack rebuilds the committed
front end byte for byte and passes the pack's tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from comfyui import git
from conftest import COMBOS
from matrix import CHOICES, TEMPLATE, combo_id, expected_files
from readme import section
from test_updates import NOT_TEMPLATE

BUILT = [f for f in CHOICES["frontend"] if f != "js"]


def git_bytes(repo: Path, spec: str) -> bytes:
    return subprocess.run(["git", "show", spec], cwd=repo, capture_output=True, check=True).stdout


def windows_clone(source: Path, dest: Path) -> Path:
    """A clone as Git for Windows makes it by default (core.autocrlf=true)."""
    subprocess.run(["git", "-c", "core.autocrlf=true", "clone", "-q", str(source), str(dest)], check=True)
    return dest


@pytest.mark.tools
@pytest.mark.parametrize("flavour", BUILT)
def test_a_windows_checkout_rebuilds_the_committed_front_end_and_passes_its_tests(flavour, tmp_path):
    repo = Path(shutil.copytree(TEMPLATE, tmp_path / "template", ignore=NOT_TEMPLATE))
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "template"]):
        git(*args, cwd=repo)
    template = windows_clone(repo, tmp_path / "windows-template")
    answers = ["node_category=connected", f"frontend={flavour}"]
    out = subprocess.run([sys.executable, "-m", "cookiecutter", "--no-input", "-o", tmp_path / "made", template,
                          *answers], capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    made = next((tmp_path / "made").iterdir())
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Initial commit"]):
        git("-c", "core.autocrlf=true", *args, cwd=made)  # committed on Windows
    pack = windows_clone(made, tmp_path / "windows-pack")
    npm = shutil.which("npm") or pytest.fail("npm is not installed")
    for script in (["ci", "--no-audit", "--no-fund", "--prefer-offline"], ["run", "build"]):
        out = subprocess.run([npm, *script], cwd=pack / "ui", capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    committed = {name: git_bytes(made, f"HEAD:web/dist/{name}") for name in ("main.js", "main.css")}
    for name, content in committed.items():
        assert (pack / "web" / "dist" / name).read_bytes() == content, f"web/dist/{name} differs after a rebuild"
    # The second guard: sources with CRLF (copied without git) build the same bytes too.
    for source in (pack / "ui" / "src").rglob("*"):
        if source.is_file():
            source.write_bytes(source.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    out = subprocess.run([npm, "run", "build"], cwd=pack / "ui", capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    for name, content in committed.items():
        assert (pack / "web" / "dist" / name).read_bytes() == content, f"web/dist/{name} differs built from CRLF"
    env = {**os.environ, "COMFYUI_PATH": "", "CI": "", "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=pack,
                         capture_output=True, text=True, env=env)  # fmt: skip
    assert out.returncode == 0, out.stdout[-3000:]


# Where Explorer extracts ComfyUI's portable build (ComfyUI_windows_portable_nvidia.7z) in a user's Downloads:
# 106 characters. Windows paths stay under 260 characters (MAX_PATH, with its closing NUL) unless long paths
# are switched on, which they are not by default.
EXPLORER_ROOT = (
    r"C:\Users\YourName\Downloads\ComfyUI_windows_portable_nvidia\ComfyUI_windows_portable\ComfyUI\custom_nodes"
)
MAX_PATH = 259
NEW_NODE_NAME = "A" * 27  # the longest node name the README promises room for, after the prefix


def longest_names(combo: dict) -> dict:
    """The answers with every name that reaches a path as long as the rules allow a new pack."""
    return {**combo, "project_slug": "s" * 64, "node_prefix": "P" * 32, "__package_name": "p" * 60,
            "__registry_name": "r" * 64}  # fmt: skip


@pytest.mark.parametrize("combo", COMBOS, ids=[combo_id(c) for c in COMBOS])
def test_every_file_of_a_pack_fits_windows_paths_below_a_portable_install(combo):
    answers = longest_names(combo)
    files = expected_files(answers)
    if "tests/node_definitions.py" in files:  # a node the author adds, with the longest name the README allows
        files.add(f"tests/node_definitions/{answers['node_prefix']}_{NEW_NODE_NAME}.json")
    # A git clone goes into a folder named after the repository; a registry install, after the registry name.
    for folder in (answers["project_slug"], answers["__registry_name"]):
        longest = max((rf"{EXPLORER_ROOT}\{folder}\{f}".replace("/", "\\") for f in files), key=len)
        assert len(longest) <= MAX_PATH, f"{len(longest)} characters: {longest}"


def powershell_errors(code: str) -> list[str]:
    """What PowerShell 5.1, Windows' own, would not run: a parse error (tree-sitter-powershell, offline), or
    `&&` / `||`, which arrived in PowerShell 7."""
    import tree_sitter
    import tree_sitter_powershell

    tree = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language())).parse(code.encode())
    found = ["does not parse"] if tree.root_node.has_error else []
    return found + [f"uses {op}" for op in ("&&", "||") if op in code]


def command_blocks(readme: str) -> list[tuple[str, str]]:
    """(language, code) of each bash, powershell and shell block, in order."""
    return re.findall(r"```(bash|powershell|shell)\n(.*?)```", readme, re.S)


def check_readme(readme: str, paired: bool = True) -> None:
    """`shell` blocks run in bash and PowerShell alike; `bash` and `powershell` blocks parse in theirs; with
    ``paired``, every `bash` block has a `powershell` block right after it."""
    found = command_blocks(readme)
    assert found
    for i, (language, code) in enumerate(found):
        if language in ("bash", "shell"):
            out = subprocess.run(["bash", "-n"], input=code, capture_output=True, text=True)
            assert out.returncode == 0, f"bash cannot parse:\n{code}\n{out.stderr}"
        if language in ("powershell", "shell"):
            assert powershell_errors(code) == [], f"PowerShell {powershell_errors(code)}:\n{code}"
        if language == "bash" and paired:
            assert found[i + 1 : i + 2] and found[i + 1][0] == "powershell", f"no PowerShell form after:\n{code}"


def test_the_pack_readmes_commands_are_given_for_bash_and_powershell_and_parse(pack):
    check_readme(pack.read("README.md"))


def test_the_template_readmes_commands_parse_and_making_a_pack_has_a_powershell_form():
    readme = (TEMPLATE / "README.md").read_text(encoding="utf-8")
    check_readme(readme, paired=False)  # the template's own test suite runs on Linux (README says so)
    check_readme(section(readme, "Make a pack"))


@pytest.mark.parametrize("code", ["cd ui && npm ci", "for ($i = 0", '$env:X = "a'])
def test_the_powershell_check_finds_what_windows_powershell_would_refuse(code):
    assert powershell_errors(code)
