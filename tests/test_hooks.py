"""Unit tests of the hooks and the Jinja extension, imported as plain Python."""

from __future__ import annotations

import importlib.util
import json
import tomllib

import pytest
from matrix import CONTEXT, TEMPLATE

import local_extensions as ext


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(name, TEMPLATE / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pre = load_hook("pre_gen_project")
post = load_hook("post_gen_project")

GOOD = {
    "project_name": "My Node Pack",
    "project_slug": "my-node-pack",
    "registry_name": "my-node-pack",
    "package_name": "my_node_pack",
    "node_prefix": "MyNodePack",
    "route_prefix": "my-node-pack",
    "js_prefix": "MyNodePack",
    "author_name": "Jane",
    "author_email": "jane@example.com",
    "github_user": "jane-doe",
    "publisher_id": "jane-doe",
    "version": "1.2.3",
    "description": "Nodes.",
    "license": "MIT",
    "node_category": "connected",
    "node_api": "v3",
    "frontend": "js",
    "github_actions": "yes",
}


def test_good_answers_pass():
    assert pre.validate(GOOD) == []


def test_every_prompt_has_a_rule():
    prompts = {k for k in CONTEXT if not k.startswith("_")}
    assert prompts == set(pre.RULES)


def test_every_rule_gives_its_example_as_valid():
    for field, (check, _rule, example) in pre.RULES.items():
        assert check(example), field


def test_a_bad_answer_gives_one_error_line_naming_field_value_and_rule():
    errors = pre.validate({**GOOD, "version": "1.0"})
    assert errors == ["ERROR: version = '1.0': must be SemVer X.Y.Z (e.g. '0.1.0')"]


def test_impossible_combination_is_rejected_after_the_single_answers_pass():
    assert pre.validate({**GOOD, "node_category": "client", "frontend": "ts"}) == []
    assert pre.validate({**GOOD, "node_category": "server", "frontend": "ts"}) == [
        "ERROR: frontend = 'ts': must be js for a server-side-only pack, which has no front end (e.g. 'js')"
    ]


def test_missing_and_non_string_answers_are_errors():
    answers = {**GOOD, "version": 1}
    del answers["author_email"]
    fields = [e.split(" = ")[0] for e in pre.validate(answers)]
    assert fields == ["ERROR: author_email", "ERROR: version"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("package_name", "json"),
        ("package_name", "class"),
        ("package_name", "match"),
        ("package_name", "nodes"),
        ("package_name", "torch"),
        ("route_prefix", "api"),
        ("route_prefix", "extensions"),
        ("js_prefix", "Comfy"),
        ("project_slug", "core"),
        ("registry_name", "my-comfyui-pack"),
    ],
)
def test_reserved_names_are_rejected(field, value):
    assert pre.validate({**GOOD, field: value})[0].startswith(f"ERROR: {field} = {value!r}")


def test_prune_table_per_category():
    def pruned(**changes):
        return set(post.paths_to_prune({**GOOD, **changes}))

    assert pruned(node_category="connected", frontend="ts", license="MIT", github_actions="yes") == {
        "web/docs/MyNodePack_ImageStats.md",
    }
    assert "my_node_pack" in pruned(node_category="client")
    assert {"web", "presets", "my_node_pack/routes.py"} <= pruned(node_category="server")
    assert "LICENSE" in pruned(license="none") and ".github" in pruned(github_actions="no")
    assert {"ui/src", "ui/test", "web/pack.js"} <= pruned(frontend="js")
    for flavour in ("ts", "react", "vue"):
        assert "ui" not in pruned(node_category="client", frontend=flavour)


def test_prune_removes_files_and_folders_and_tolerates_missing_ones(tmp_path):
    (tmp_path / "web" / "docs").mkdir(parents=True)
    (tmp_path / "web" / "main.js").write_text("x")
    (tmp_path / "LICENSE").write_text("x")
    (tmp_path / "keep.txt").write_text("x")
    post.prune(tmp_path, {**GOOD, "node_category": "server", "license": "none"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def flavour_tree(root):
    """A pack with the shared built sources and two flavours' own files, laid out as in the template."""
    for rel in ("web/pack.js", "ui/src/main.ts", "_flavours/ts/ui/src/sidebar.ts", "_flavours/ts/web/dist/main.js",
                "_flavours/js/web/main.js", "_flavours/js/ui/package.json"):  # fmt: skip
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)


def files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_the_chosen_flavour_is_moved_into_place_and_the_others_removed(tmp_path):
    flavour_tree(tmp_path / "ts")
    post.prune(tmp_path / "ts", {**GOOD, "node_category": "client", "frontend": "ts"})
    assert files(tmp_path / "ts") == ["ui/src/main.ts", "ui/src/sidebar.ts", "web/dist/main.js", "web/pack.js"]
    assert (tmp_path / "ts" / "ui/src/sidebar.ts").read_text() == "_flavours/ts/ui/src/sidebar.ts"
    flavour_tree(tmp_path / "js")
    post.prune(tmp_path / "js", {**GOOD, "node_category": "client", "frontend": "js"})
    assert files(tmp_path / "js") == ["ui/package.json", "web/main.js"]
    flavour_tree(tmp_path / "server")
    post.prune(tmp_path / "server", {**GOOD, "node_category": "server", "frontend": "js"})
    assert files(tmp_path / "server") == []


def test_next_steps_run_nothing_and_name_the_folder():
    text = post.next_steps(GOOD)
    assert "cd my-node-pack" in text and "custom_nodes" in text


def test_hooks_are_valid_python_before_rendering():
    for hook in (TEMPLATE / "hooks").glob("*.py"):
        compile(hook.read_text(encoding="utf-8"), hook.name, "exec")


HOSTILE = ['Jane "JJ" O\'Neil \\ Ünïcode', "tab\there", "nul\x00", "</script><b>&", "🎨\u200f\u2028x", "${{ a }}"]


@pytest.mark.parametrize("value", HOSTILE)
def test_toml_str_round_trips(value):
    assert tomllib.loads(f"v = {ext.toml_str(value)}")["v"] == value


@pytest.mark.parametrize("value", HOSTILE)
def test_json_str_round_trips_and_cannot_close_a_script_tag(value):
    literal = ext.json_str(value)
    assert json.loads(literal) == value
    assert "<" not in literal and "\u2028" not in literal


def test_md_text_escapes_markup():
    assert ext.md_text("<img src=x onerror=alert(1)> & co") == "&lt;img src=x onerror=alert(1)&gt; &amp; co"


@pytest.mark.parametrize(
    ("slug", "name"),
    [("comfyui-my-pack", "my-pack"), ("ComfyUI_Foo", "foo"), ("my-comfy-ui", "my"), ("uncomfyui", "uncomfyui"),
     ("comfyui", "node-pack"), ("a..b", "a-b")],
)  # fmt: skip
def test_registry_default(slug, name):
    assert ext.registry_default(slug) == name


@pytest.mark.parametrize(
    ("text", "prefix"),
    [("My Node Pack", "MyNodePack"), ("3D tools", "Pack3dTools"), ("Ünïcode", "Unicode"), ("", "Pack")],
)
def test_pascal_default(text, prefix):
    assert ext.pascal_default(text) == prefix


def test_the_templates_own_code_is_ruff_clean():
    import subprocess
    import sys

    for cmd in (["check", "."], ["format", "--check", "."]):
        out = subprocess.run([sys.executable, "-m", "ruff", *cmd], cwd=TEMPLATE, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize(
    ("slug", "package"),
    [("my-pack", "my_pack"), ("class", "class_nodes"), ("json", "json_nodes"), ("test", "test_nodes"),
     ("3d-tools", "pack_3d_tools"), ("", "my_node_pack"), ("Ünï", "n")],
)  # fmt: skip
def test_package_default_is_always_a_valid_package_name(slug, package):
    assert ext.package_default(slug) == package
    assert pre.RULES["package_name"][0](package)


@pytest.mark.parametrize(
    ("registry", "route"), [("my-pack", "my-pack"), ("api", "api-nodes"), ("prompt", "prompt-nodes")]
)
def test_route_default_avoids_comfyuis_own_routes(registry, route):
    assert ext.route_default(registry) == route


@pytest.mark.parametrize(
    "name", ["Test", "API", "3D Tools", "class", "Utils", "Comfy", "ComfyUI", "🎨", "json", "42", "Core", "a" * 100]
)
def test_ordinary_project_names_give_answers_that_pass_every_rule(name):
    """What cookiecutter.json derives from the display name alone never trips a rule."""
    slug = ext.slug_default(name)
    registry = ext.registry_default(slug)
    prefix = ext.pascal_default(name)
    answers = {**GOOD, "project_name": name, "project_slug": slug, "registry_name": registry,
               "package_name": ext.package_default(slug), "node_prefix": prefix,
               "route_prefix": ext.route_default(registry), "js_prefix": prefix}  # fmt: skip
    assert pre.validate(answers) == []
