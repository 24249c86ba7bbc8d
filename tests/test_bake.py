"""Every combination of the matrix, baked once and checked from many sides."""

from __future__ import annotations

import ast
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
import yaml
from matrix import CONTEXT, NODE_IDS, TEMPLATE, expected_dirs, expected_files

LEFTOVER = re.compile(r"(?<!\$)\{\{|\{%|%\}|\{#")  # GitHub's own ${{ }} is fine
SOURCE = TEMPLATE / "{{cookiecutter.project_slug}}"
BUILT = ("ts", "react", "vue")  # the flavours with a build step


def template_source(pack, rel: str) -> str:
    """Where a file of the pack comes from in the template: its flavour's folder, or the shared tree."""
    flavour = f"_flavours/{pack.answers['frontend']}/{rel}"
    if (SOURCE / flavour).is_file():
        return flavour
    first, _, rest = rel.partition("/")
    return f"{{{{cookiecutter.package_name}}}}/{rest}" if first == pack.answers["package_name"] else rel


def test_exact_files_and_folders(pack):
    files = expected_files(pack.answers)
    assert pack.files() == files
    assert pack.dirs() == expected_dirs(files)  # so no empty folder is left behind


def test_no_unrendered_template_syntax(pack):
    """Rendered files keep no Jinja syntax; copied-only files (Vue templates, bundles) arrive byte for byte."""
    verbatim = 0
    for rel in pack.files():
        assert not LEFTOVER.search(rel), rel
        source = template_source(pack, rel)
        if any(fnmatch.fnmatch(source, glob) for glob in CONTEXT["_copy_without_render"]):
            assert (pack.path / rel).read_bytes() == (SOURCE / source).read_bytes(), rel
            verbatim += 1
        else:
            assert not LEFTOVER.search(pack.read(rel)), rel
    assert verbatim >= 2  # .gitignore, .comfyignore at least


def test_ruff_check_and_format_are_clean(pack):
    for cmd in (["check", "."], ["format", "--check", "."]):
        out = pack.run(sys.executable, "-m", "ruff", *cmd)
        assert out.returncode == 0, out.stdout + out.stderr


def test_every_python_file_compiles(pack):
    for rel in pack.files():
        if rel.endswith(".py"):
            compile(pack.read(rel), rel, "exec")


def test_config_files_parse(pack):
    for rel in pack.files():
        text = pack.read(rel)
        if rel.endswith(".toml"):
            tomllib.loads(text)
        elif rel.endswith(".json"):
            json.loads(text)
        elif rel.endswith((".yml", ".yaml")):
            yaml.safe_load(text)


def test_packs_own_tests_pass(pack):
    # Without ComfyUI, as a pack author runs them first; the real tier runs them again inside ComfyUI.
    out = pack.run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", env={"COMFYUI_PATH": ""})
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    summary = out.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary), summary
    print(f"{pack.path.name} [{pack.answers['node_category']}/{pack.answers['node_api']}]: {summary}")


def test_wheel_builds(pack, tmp_path):
    out = pack.run(
        sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp_path / "wheels", ".", cwd=pack.copy(tmp_path)
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert len(list((tmp_path / "wheels").glob("*.whl"))) == 1


def test_editable_install_in_a_bare_venv(pack, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    copy = pack.copy(tmp_path)
    out = pack.run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "-e", ".", cwd=copy)
    assert out.returncode == 0, out.stderr[-3000:]
    if pack.answers["node_category"] != "client":
        found = subprocess.run(
            [python, "-c", f"import importlib.util as u; print(u.find_spec('{pack.answers['package_name']}').origin)"],
            capture_output=True,
            text=True,
        )
        assert str(copy) in found.stdout, found.stderr


def test_comfy_node_validate_passes(pack):
    comfy = shutil.which("comfy", path=str(Path(sys.executable).parent)) or pytest.fail("comfy-cli is not installed")
    out = pack.run(comfy, "--skip-prompt", "--no-enable-telemetry", "node", "validate")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "All validation checks passed" in out.stdout + out.stderr


def test_pyproject_is_registry_ready(pack):
    a = pack.answers
    data = tomllib.loads(pack.read("pyproject.toml"))
    project, comfy = data["project"], data["tool"]["comfy"]
    assert project["name"] == a["registry_name"] and project["version"] == a["version"]
    assert project["description"] == a["description"]
    assert project["authors"] == [{"name": a["author_name"], "email": a["author_email"]}]
    assert project["requires-python"].startswith(">=3.")
    assert project.get("license") == (None if a["license"] == "none" else a["license"])
    repo = f"https://github.com/{a['github_user']}/{a['project_slug']}"
    assert project["urls"] == {"Repository": repo, "Documentation": f"{repo}#readme", "Issues": f"{repo}/issues"}
    assert comfy["PublisherId"] == a["publisher_id"] and comfy["DisplayName"] == a["project_name"]
    assert comfy["Icon"].startswith("https://") and comfy["Icon"].endswith("/icon.svg")
    assert comfy["requires-comfyui"] == (">=0.3.75" if a["node_api"] == "v3" else ">=0.3.0")
    requirements = [ln.strip() for ln in pack.read("requirements.txt").splitlines() if ln.strip()[:1] not in ("", "#")]
    assert requirements == project["dependencies"]


def test_comfyignore_keeps_tests_and_ci_out(pack):
    lines = pack.read(".comfyignore").splitlines()
    assert "/tests/" in lines and "/.github/" in lines


def test_root_init_exports_one_api_and_web_directory_only_with_web(pack):
    a = pack.answers
    tree = ast.parse(pack.read("__init__.py"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
    if a["node_api"] == "v3":
        assert "comfy_entrypoint" in names and "NODE_CLASS_MAPPINGS" not in names
    else:
        assert "NODE_CLASS_MAPPINGS" in names and "comfy_entrypoint" not in names
    assert ("WEB_DIRECTORY" in names) == (a["node_category"] != "server")


def test_node_ids_are_prefixed_everywhere(pack):
    a = pack.answers
    ids = [f"{a['node_prefix']}_{n}" for n in NODE_IDS[a["node_category"]]]
    if not ids:
        return
    assert set(json.loads(pack.read("locales/en/nodeDefs.json"))) == set(ids)
    nodes_py = pack.read(f"{a['package_name']}/nodes.py")
    assert all(f'"{i}"' in nodes_py for i in ids)
    workflow = json.loads(pack.read("example_workflows/example.json"))
    used = {n["type"] for n in workflow["nodes"]}
    assert used & set(ids) and used - set(ids) <= {"EmptyImage", "PreviewImage"}


def test_javascript_is_an_es_module_importing_comfy_at_the_right_depth(pack):
    a = pack.answers
    if a["node_category"] == "server":
        return
    if a["frontend"] in BUILT:  # the built module reads the pack's values from web/pack.js
        scripts = ["web/pack.js", "web/dist/main.js"]
        assert f'jsPrefix: "{a["js_prefix"]}"' in pack.read("web/pack.js")
        assert 'from"../pack.js"' in pack.read("web/dist/main.js")
    else:
        scripts = ["web/main.js"]
        assert 'import { app } from "../../scripts/app.js";' in pack.read("web/main.js")
        assert f'name: "{a["js_prefix"]}.' in pack.read("web/main.js")
    node = shutil.which("node")
    if node:  # a syntax check when Node is there (the real-browser tier loads it for real)
        for rel in scripts:
            out = subprocess.run([node, "--input-type=module", "--check"], input=pack.read(rel), capture_output=True,
                                 text=True)  # fmt: skip
            assert out.returncode == 0, rel + out.stderr


# A type error each flavour's type-check must catch: in plain JS, a misspelt key of the object handed to
# app.registerExtension (typed only through ui/types/comfy-shims.d.ts); in the built ones, a wrong type.
TYPE_ERRORS = {
    "js": ("web/main.js", "app.registerExtension({\n  name:", "app.registerExtension({\n  nam:"),
    "built": ("ui/src/example.ts", "export type Preset", 'export const wrong: number = "text";\nexport type Preset'),
}


def test_front_end_installs_type_checks_tests_and_builds_fresh(pack, tmp_path):
    """npm ci, the type-check (and that it catches an error), the pack's vitest tests and, for the built
    flavours, a build (type-check + vite) byte-identical to the committed web/dist."""
    a = pack.answers
    if a["node_category"] == "server":
        return
    npm = shutil.which("npm") or pytest.fail("npm is not installed")
    copy = pack.copy(tmp_path)
    built = a["frontend"] in BUILT
    scripts = json.loads(pack.read("ui/package.json"))["scripts"]
    assert not built or scripts["build"].startswith(scripts["typecheck"] + " && "), scripts  # a build type-checks
    # --prefer-offline: npm's cache is kept between combinations. A build runs the type-check first.
    install = ["ci", "--no-audit", "--no-fund", "--prefer-offline"]
    steps = [install, ["test"], ["run", "build"]] if built else [install, ["run", "typecheck"], ["test"]]
    for script in steps:
        out = pack.run(npm, *script, cwd=copy / "ui", timeout=300)
        assert out.returncode == 0, " ".join(script) + "\n" + out.stdout[-3000:] + out.stderr[-3000:]
        if script == ["test"]:
            print(f"{a['node_category']}/{a['node_api']}/{a['frontend']} vitest:",
                  " ".join(ln.strip() for ln in out.stdout.splitlines() if "Tests" in ln))  # fmt: skip
    if built:
        dist = copy / "web" / "dist"
        assert sorted(p.name for p in dist.iterdir()) == ["main.css", "main.js"]
        for name in ("main.js", "main.css"):
            assert (dist / name).read_bytes() == (pack.path / "web" / "dist" / name).read_bytes(), name
    rel, good, bad = TYPE_ERRORS["built" if built else "js"]
    text = (copy / rel).read_text(encoding="utf-8")
    assert good in text
    (copy / rel).write_text(text.replace(good, bad, 1), encoding="utf-8")
    out = pack.run(npm, "run", "typecheck", cwd=copy / "ui", timeout=300)
    assert out.returncode != 0 and "error TS" in out.stdout, out.stdout[-2000:]


def test_connected_pack_says_it_does_not_work_through_the_api_mode(pack):
    readme = pack.read("README.md")
    if pack.answers["node_category"] == "connected":
        assert "API mode" in readme
    assert readme.startswith(f"# {pack.answers['project_name']}")


# Rules the Comfy Registry cares about: exec, eval, `;`-joined statements, and every subprocess/shell call.
REGISTRY_RULES = "S102,S307,E702,S602,S603,S604,S605,S606,S607,S609"


def test_published_zip_has_no_tests_or_ci_and_its_code_passes_the_registry_rules(pack, tmp_path):
    import zipfile

    repo = pack.copy(tmp_path)
    for cmd in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "i"]):
        assert pack.run("git", *cmd, cwd=repo).returncode == 0
    comfy = shutil.which("comfy", path=str(Path(sys.executable).parent))
    out = pack.run(comfy, "--skip-prompt", "--no-enable-telemetry", "node", "pack", cwd=repo)
    assert out.returncode == 0, out.stdout + out.stderr
    with zipfile.ZipFile(repo / "node.zip") as z:
        names = set(z.namelist())
        z.extractall(tmp_path / "shipped")
    assert not [n for n in names if n.startswith(("tests/", ".github/", ".git/")) or n.endswith(".pyc")]
    assert {"__init__.py", "pyproject.toml", "README.md"} <= names
    web = (
        {"web/main.js"}
        if pack.answers["frontend"] == "js"
        else {"web/pack.js", "web/dist/main.js", "web/dist/main.css"}
    )
    assert (web <= names) == (pack.answers["node_category"] != "server")
    assert not [n for n in names if n.startswith(("ui/", "node_modules/"))]
    lint = pack.run(sys.executable, "-m", "ruff", "check", "--isolated", "--ignore-noqa", "--select", REGISTRY_RULES,
                    ".", cwd=tmp_path / "shipped")  # fmt: skip
    assert lint.returncode == 0, lint.stdout
