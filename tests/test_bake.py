"""Fast tier: every combination the prompts allow, baked once and checked from many sides without running
the ecosystem's tools (those run once per distinct artefact, in test_tools.py)."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path

import pytest
import yaml
from conftest import Pack
from matrix import CONTEXT, TEMPLATE, applies, effective, expected_dirs, expected_files, node_ids

from local_extensions import load

ext = load(TEMPLATE / "extension.py")
LEFTOVER = re.compile(r"(?<!\$)\{\{|\{%|%\}|\{#")  # GitHub's own ${{ }} is fine
SOURCE = TEMPLATE / "{{cookiecutter.project_slug}}"
ALTERNATIVES = SOURCE / "_alternatives"
VERBATIM = TEMPLATE / "verbatim"


def template_source(pack: Pack, rel: str) -> Path:
    """The template file a file of the pack comes from: in the alternatives folder of one of its answers (in the
    pack folder or verbatim/), or in the shared tree."""
    a = pack.answers
    rel = re.sub(rf"^{re.escape(a['__package_name'])}/", "{{cookiecutter.__package_name}}/", rel)
    rel = rel.replace(f"/{a['node_prefix']}_", "/{{cookiecutter.node_prefix}}_")
    rel = rel.replace(f"({a['node_prefix']}).json", "({{cookiecutter.node_prefix}}).json")
    for folder in [*ALTERNATIVES.iterdir(), *VERBATIM.iterdir()]:
        if applies(folder.name, a) and (folder / rel).is_file():
            return folder / rel
    return SOURCE / rel


def test_exact_files_and_folders(pack):
    files = expected_files(pack.answers)
    assert pack.files() == files
    assert pack.dirs() == expected_dirs(files)  # so no empty folder is left behind


@pytest.mark.parametrize("source", ["zip", "git"])
def test_verbatim_files_come_from_the_template_being_baked_whatever_its_source(source, tmp_path):
    """cookiecutter unpacks a zip, and clones a repository (as it does for gh:<user>/<repo>), into a folder of its
    own; the hook copies verbatim/ files from there (a marked copy of the template shows it)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=TEMPLATE, capture_output=True,
                            text=True, check=True).stdout.splitlines()  # fmt: skip
    copy = tmp_path / "template"
    for rel in (r for r in listed if (TEMPLATE / r).is_file()):
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEMPLATE / rel, copy / rel)
    marked = copy / "verbatim" / "license=Apache-2.0" / "LICENSE"
    marked.write_bytes(marked.read_bytes() + b"marked\n")
    if source == "zip":
        shutil.make_archive(str(tmp_path / "template"), "zip", tmp_path, "template")
        where = str(tmp_path / "template.zip")
    else:
        for args in (
            ["init", "-q"],
            ["add", "-A"],
            ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t"],
        ):
            subprocess.run(["git", *args], cwd=copy, check=True)
        where = f"git+file://{copy}"
    config = tmp_path / "config.yaml"
    config.write_text(f"cookiecutters_dir: {tmp_path / 'unpacked'}\nreplay_dir: {tmp_path / 'replay'}\n")
    subprocess.run([sys.executable, "-m", "cookiecutter", "--no-input", "--config-file", config, "-o", tmp_path / "out",
                    where, "license=Apache-2.0"], check=True, capture_output=True, cwd=tmp_path)  # fmt: skip
    assert (tmp_path / "out" / "my-node-pack" / "LICENSE").read_bytes() == marked.read_bytes()


def test_an_answer_the_kind_does_not_use_changes_nothing(pack, cookies_session):
    if effective(pack.answers) == pack.answers:
        pytest.skip("every answer of this combination is used")
    chosen = {k: pack.answers[k] for k in CONTEXT if not k.startswith("_")}
    same = Pack(cookies_session.bake(extra_context=effective(chosen), template=str(TEMPLATE)))
    assert pack.files() == same.files()
    assert all((pack.path / f).read_bytes() == (same.path / f).read_bytes() for f in pack.files())


def test_no_unrendered_template_syntax_and_plain_files_arrive_byte_for_byte(pack):
    """A file of the template that holds none of its Jinja (extension.OURS) arrives as it is; the others are
    rendered, without leftovers."""
    verbatim = 0
    for rel in pack.files():
        assert not LEFTOVER.search(rel), rel
        source = template_source(pack, rel).read_text(encoding="utf-8", errors="replace")
        if not ext.OURS.search(source):
            assert (pack.path / rel).read_bytes() == template_source(pack, rel).read_bytes(), rel
            verbatim += 1
        else:
            assert not LEFTOVER.search(pack.read(rel)), rel
    assert verbatim >= 2  # icon.svg, tests/conftest.py at least


def test_ruff_check_and_format_are_clean(pack):
    for cmd in (["check", "."], ["format", "--check", "."]):
        out = pack.run(sys.executable, "-m", "ruff", *cmd)
        assert out.returncode == 0, out.stdout + out.stderr


def test_every_python_file_compiles_and_config_files_parse(pack):
    for rel in pack.files():
        if rel.endswith(".py"):
            compile(pack.read(rel), rel, "exec")
        elif rel.endswith(".toml"):
            tomllib.loads(pack.read(rel))
        elif rel.endswith(".json"):
            json.loads(pack.read(rel))
        elif rel.endswith((".yml", ".yaml")):
            yaml.safe_load(pack.read(rel))


def test_pyproject_is_registry_ready(pack):
    a = pack.effective
    data = tomllib.loads(pack.read("pyproject.toml"))
    project, comfy = data["project"], data["tool"]["comfy"]
    assert project["name"] == a["__registry_name"] and project["version"] == a["version"]
    assert project["description"] == a["description"]
    assert project["authors"] == [{"name": a["author_name"], "email": a["author_email"]}]
    assert project["requires-python"].startswith(">=3.")
    assert project.get("license") == (None if a["license"] == "none" else a["license"])
    repo = f"https://github.com/{a['github_user']}/{a['project_slug']}"
    assert project["urls"] == {"Repository": repo, "Documentation": f"{repo}#readme", "Issues": f"{repo}/issues"}
    assert comfy["PublisherId"] == a["__publisher_id"] and comfy["DisplayName"] == a["project_name"]
    assert comfy["Icon"].startswith("https://") and comfy["Icon"].endswith("/icon.svg")
    v3_nodes = a["node_api"] == "v3" and a["node_category"] != "client"
    assert comfy["requires-comfyui"] == (">=0.3.75" if v3_nodes else ">=0.3.0")
    built = a["node_category"] != "server" and a["frontend"] != "js"
    assert comfy.get("includes") == (["web/dist"] if built else None)
    requirements = [ln.strip() for ln in pack.read("requirements.txt").splitlines() if ln.strip()[:1] not in ("", "#")]
    assert requirements == project["dependencies"] == []
    extras = project["optional-dependencies"]
    assert [r.split(">")[0] for r in extras["dev"]] == ["pytest", "ruff"]  # small: torch comes with ComfyUI


def test_comfyignore_keeps_tests_ci_and_sources_out(pack):
    lines = pack.read(".comfyignore").splitlines()
    assert {"/tests/", "/.cruft.json"} <= set(lines)
    assert ("/.github/" in lines) == (pack.answers["github_actions"] == "yes")  # no name of a file it lacks
    assert ("/ui/" in lines) == (pack.answers["node_category"] != "server")


def exported_names(source: str) -> set[str]:
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom):
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_root_init_exports_one_api_and_web_directory_only_with_a_front_end(pack):
    a = pack.effective
    names = exported_names(pack.read("__init__.py"))
    if a["node_category"] == "client":
        assert "NODE_CLASS_MAPPINGS" in names and "comfy_entrypoint" not in names
    elif a["node_api"] == "v3":
        assert "comfy_entrypoint" in names and "NODE_CLASS_MAPPINGS" not in names
    else:
        assert "NODE_CLASS_MAPPINGS" in names and "comfy_entrypoint" not in names
    assert ("WEB_DIRECTORY" in names) == (a["node_category"] != "server")
    assert ("register" in names) == (a["node_category"] == "connected")  # the routes register where only ComfyUI looks


def test_node_ids_are_prefixed_everywhere(pack):
    a = pack.answers
    ids = [f"{a['node_prefix']}_{n}" for n in node_ids(a)]
    if not ids:
        pytest.skip("a front-end-only pack has no nodes")
    assert list(json.loads(pack.read("locales/en/nodeDefs.json"))) == ids
    nodes_py = "".join(pack.read(f) for f in pack.files() if re.fullmatch(rf"{a['__package_name']}/nodes\w*\.py", f))
    assert all(f'"{i}"' in nodes_py for i in ids)
    workflow = json.loads(pack.read("example_workflows/example.json"))
    used = {n["type"] for n in workflow["nodes"]}
    assert used & set(ids) and used - set(ids) <= {"EmptyImage", "PreviewImage"}


def test_no_python_file_imports_the_unversioned_v3_api(pack):
    for rel in pack.files():
        if rel.endswith(".py"):
            assert "comfy_api.latest" not in pack.read(rel), rel


def test_the_front_end_is_browser_modules_with_prefixed_extensions(pack):
    a = pack.effective
    if a["node_category"] == "server":
        pytest.skip("a nodes-only pack has no front end")
    scripts = sorted(f for f in pack.files() if f.startswith("web/") and f.endswith(".js"))
    if a["frontend"] == "js":
        for rel in scripts:
            imports = re.findall(r'from "([^"]+)"', pack.read(rel))
            assert all(i in ("../../scripts/app.js", "../../scripts/api.js") or i.startswith("./") for i in imports)
        names = []
        for rel in scripts:  # each file registers at most one extension, named inline or by its EXTENSION
            source = pack.read(rel)
            constant = re.search(r'const EXTENSION = "([^"]+)"', source)
            names += [
                n or constant.group(1)
                for n in re.findall(r'registerExtension\(\{\s*name: (?:EXTENSION|"([^"]+)")', source)
            ]
        assert names and all(n.startswith(a["__js_prefix"] + ".") for n in names), names
    else:  # the built module reads the pack's names from web/pack.js
        assert scripts == ["web/dist/main.js", "web/pack.js"]
        assert f'jsPrefix: "{a["__js_prefix"]}"' in pack.read("web/pack.js")
        assert ("routePrefix" in pack.read("web/pack.js")) == (a["node_category"] == "connected")
    node = shutil.which("node")
    if node:  # a syntax check when Node is there (the real tier loads them in Chromium)
        for rel in scripts:
            out = subprocess.run([node, "--input-type=module", "--check"], input=pack.read(rel), capture_output=True,
                                 text=True)  # fmt: skip
            assert out.returncode == 0, rel + out.stderr


def test_readme_names_the_pack_and_a_connected_pack_says_it_needs_the_page(pack):
    readme = pack.read("README.md")
    assert readme.startswith(f"# {pack.answers['project_name']}")
    assert ("API mode" in readme) == (pack.answers["node_category"] == "connected")
    prose = re.sub(r"```.*?```", "(code)", readme, flags=re.S)  # code blocks keep Python's two blank lines
    assert "\n\n\n" not in prose  # no empty section left by a feature the pack does not have


def text_io_without_encoding(source: str) -> list[int]:
    """Lines that read or write text without saying `encoding=` (Windows would use its ANSI code page)."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        name = getattr(call.func, "attr", getattr(call.func, "id", ""))
        keywords = {k.arg: k.value for k in call.keywords}
        if name in ("open", "fdopen"):
            mode = keywords.get("mode", call.args[1] if len(call.args) > 1 else None)
            text = not (isinstance(mode, ast.Constant) and "b" in str(mode.value))
        elif name in ("run", "Popen", "check_output"):
            flags = [keywords.get(k) for k in ("text", "universal_newlines")]
            text = any(isinstance(flag, ast.Constant) and flag.value for flag in flags)
        else:
            text = name in ("read_text", "write_text")
        if text and "encoding" not in keywords:
            found.append(call.lineno)
    return found


def test_every_text_read_and_write_says_its_encoding(pack):
    for rel in pack.files():
        if rel.endswith(".py"):
            assert text_io_without_encoding(pack.read(rel)) == [], rel


def test_the_encoding_check_finds_what_it_is_for():
    assert text_io_without_encoding("p.read_text()\nopen(f)\nopen(f, 'rb')\nrun(c, text=True)\n") == [1, 2, 4]
    assert text_io_without_encoding("p.read_text(encoding='utf-8')\nopen(f, 'w', encoding='utf-8')\n") == []


def test_packs_own_tests_pass_without_comfyui(python_pack):
    """Each distinct Python side's own tests, as an author runs them first: without ComfyUI, with torch (the
    real tier runs them again inside ComfyUI)."""
    out = python_pack.run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", env={"COMFYUI_PATH": ""})
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    summary = out.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary), summary
    print(f"{python_pack.path.name} {python_pack.effective['node_category']}/{python_pack.effective['node_api']}: "
          f"{summary}")  # fmt: skip


def test_the_colour_widget_is_registered_for_the_tint_nodes_own_input_type(pack):
    """The page draws the colour picker only for an input of the type the front end names: the Python side and
    the front end (its source, and the committed build that ships) must name the same one."""
    a = pack.effective
    if "tint" not in ext.features(a):
        pytest.skip("only independent and connected packs have Tint Image and its colour widget")
    tint = pack.read(f"{a['__package_name']}/nodes_tint.py")
    python_type = re.search(r'io\.Custom\("(\w+)"\)' if a["node_api"] == "v3" else r'"color": \(\s*"(\w+)"', tint)
    assert python_type, "nodes_tint.py: no custom input type found"
    if a["frontend"] == "js":
        named = re.findall(r'const COLOR = "(\w+)";', pack.read("web/color-widget.js"))
    else:  # the type is the node prefix in capitals and a suffix, in the source and in the build
        prefix = re.search(r'nodePrefix: "(\w+)"', pack.read("web/pack.js")).group(1).upper()
        sources = pack.read("ui/src/extensions/color-widget.ts") + pack.read("web/dist/main.js")
        named = [prefix + suffix for suffix in re.findall(r"\$\{\w+\.nodePrefix\.toUpperCase\(\)\}(\w+)`", sources)]
        assert len(named) == 2, "the colour widget's type, in ui/src/extensions/color-widget.ts and web/dist/main.js"
    assert named and set(named) == {python_type.group(1)}


def test_the_blueprint_uses_the_packs_nodes_and_ids_of_its_own(pack):
    """Subgraph Soft Invert: core's Image Blur and the pack's Invert Image inside, an id derived from the registry
    name (another pack's blueprint never replaces it), the same id where the outer node uses it."""
    a = pack.effective
    if "nodes" not in ext.features(a):
        pytest.skip("a front-end-only pack has no nodes")
    blueprint = json.loads(pack.read(f"subgraphs/Soft Invert ({a['node_prefix']}).json"))
    (subgraph,) = blueprint["definitions"]["subgraphs"]
    assert [n["type"] for n in subgraph["nodes"]] == ["ImageBlur", f"{a['node_prefix']}_InvertImage"]
    assert [n["type"] for n in blueprint["nodes"]] == [subgraph["id"]]
    assert subgraph["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, f"{a['__registry_name']}/subgraphs/soft-invert"))
