"""Unit tests of the template's extension (extension.py) and post-gen hook, as plain Python."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from matrix import CHOICES, CONTEXT, TEMPLATE

from local_extensions import load

ext = load(TEMPLATE / "extension.py")
post = load(TEMPLATE / "hooks" / "post_gen_project.py")

GOOD = {
    "node_category": "connected",
    "frontend": "js",
    "node_api": "v3",
    "model_loader": "no",
    "project_name": "My Node Pack",
    "project_slug": "my-node-pack",
    "node_prefix": "MyNodePack",
    "description": "Nodes.",
    "author_name": "Jane",
    "author_email": "jane@example.com",
    "github_user": "jane-doe",
    "version": "1.2.3",
    "license": "MIT",
    "github_actions": "yes",
    "__registry_name": "my-node-pack",
    "__package_name": "my_node_pack",
    "__route_prefix": "my-node-pack",
    "__js_prefix": "mynodepack",
    "__publisher_id": "jane-doe",
}


def test_good_answers_pass():
    assert ext.validate(GOOD) == []


def test_every_answer_has_a_rule_and_every_choice_comes_from_cookiecutter_json():
    answers = {k for k in CONTEXT if not k.startswith("_") or (k.startswith("__") and k != "__prompts__")}
    assert answers == set(ext.RULES)
    assert ext.CHOICES == CHOICES
    assert set(ext.KINDS) == set(CHOICES["node_category"])


def test_every_rule_gives_its_example_as_valid():
    for field, (check, _rule, example) in ext.RULES.items():
        assert check(example), field


def test_a_bad_answer_gives_one_error_line_naming_field_value_and_rule():
    assert ext.validate({**GOOD, "version": "1.0"}) == ["ERROR: version = '1.0': must be SemVer X.Y.Z (e.g. '0.1.0')"]


def test_missing_and_non_string_answers_are_errors():
    answers = {**GOOD, "version": 1}
    del answers["author_email"]
    fields = [e.split(" = ")[0] for e in ext.validate(answers)]
    assert fields == ["ERROR: author_email", "ERROR: version"]


def test_the_stop_message_gives_the_command_that_asks_again_without_the_bad_answer():
    from cookiecutter.exceptions import FailedHookException

    answers = {**GOOD, "version": "1.0", "project_name": "It's mine", "_template": "gh:someone/template"}
    with pytest.raises(FailedHookException) as stop:
        ext.check_answers(answers)
    lines = str(stop.value).splitlines()
    assert lines[0] == "ERROR: version = '1.0': must be SemVer X.Y.Z (e.g. '0.1.0')"
    assert "Nothing was written" in lines[1]
    command = lines[2].strip()
    assert command.startswith("cookiecutter gh:someone/template node_category=connected frontend=js ")
    assert "version=" not in command and "__registry_name" not in command
    assert "'project_name=It'\"'\"'s mine'" in command  # quoted for the shell


def test_the_command_that_asks_again_leaves_out_names_derived_from_the_display_name_and_keeps_typed_ones():
    answers = {**GOOD, "version": "1.0", "project_name": "x" * 101}
    derived = {"project_slug": ext.slug_default("x" * 101), "node_prefix": ext.pascal_default("x" * 101)}
    assert derived == {field: ext.derived_default(field, answers) for field in derived}
    assert ext.derived_default("version", answers) is None and ext.derived_default("license", answers) is None
    assert ext.derived_default("project_slug", {**answers, "project_name": 5}) is None
    without_name = {k: v for k, v in answers.items() if k != "project_name"}  # a replay file edited by hand
    assert "project_slug=my-node-pack" in ext.retry_command(without_name, ["ERROR: project_name = None"])
    command = ext.retry_command({**answers, **derived}, ["ERROR: project_name = ...", "ERROR: version = ..."])
    assert "project_slug=" not in command and "node_prefix=" not in command and "author_name=" in command
    command = ext.retry_command({**answers, "project_slug": "typed"}, ["ERROR: project_name = ..."])
    assert "project_slug=typed" in command


def test_an_output_folder_this_user_cannot_write_in_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    """(The real-bake tests of what stands in the way are in test_bad_input.py; this machine's tests run as root,
    for whom every folder is writable.)"""
    assert ext.in_the_way({**GOOD, "_output_dir": str(tmp_path / "new")}) is None
    monkeypatch.setattr(ext.os, "access", lambda path, mode: Path(path) != tmp_path)
    assert ext.in_the_way({**GOOD, "_output_dir": str(tmp_path / "new")}) == (
        f"ERROR: {tmp_path} is a folder this user cannot write in; nothing was written."
    )


def test_answers_a_kind_does_not_use_are_noted_not_refused(capsys):
    ext.check_answers({**GOOD, "node_category": "client", "node_api": "v1", "model_loader": "yes"})
    assert capsys.readouterr().err.count("is not used: a client-side-only pack has no nodes") == 2
    assert ext.check_answers({**GOOD, "node_category": "server", "frontend": "ts"}) == "my-node-pack"
    assert "frontend = 'ts' is not used" in capsys.readouterr().err
    assert ext.check_answers({**GOOD, "node_category": "client", "node_api": "v1"}) == "my-node-pack"
    assert "node_api = 'v1' is not used" in capsys.readouterr().err
    ext.check_answers({**GOOD, "node_category": "client", "frontend": "ts"})
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("field", "value"),
    [("__package_name", "json"), ("__package_name", "class"), ("__package_name", "match"),
     ("__package_name", "nodes"), ("__package_name", "torch"), ("__route_prefix", "api"),
     ("__route_prefix", "extensions"), ("__js_prefix", "Comfy"), ("project_slug", "core"),
     ("__registry_name", "my-comfyui-pack")],
)  # fmt: skip
def test_reserved_names_are_rejected(field, value):
    assert ext.validate({**GOOD, field: value})[0].startswith(f"ERROR: {field} = {value!r}")


def test_features_per_kind_and_answer():
    def features(**changes):
        return ext.features({**GOOD, **changes})

    assert features(node_category="server", frontend="ts") == {"nodes", "github_actions"}
    assert features(node_category="client", frontend="ts", github_actions="no") == {"web", "built"}
    assert features(node_category="independent") == {"nodes", "web", "node_ui", "tint", "stats", "github_actions"}
    assert features(node_category="connected", frontend="vue") == {
        "nodes", "web", "node_ui", "tint", "presets", "built", "github_actions"
    }  # fmt: skip
    assert features(node_category="server", model_loader="yes") == {"nodes", "models", "github_actions"}
    assert "models" not in features(node_category="client", model_loader="yes")  # no nodes, so no model nodes


def test_prune_table_per_feature():
    def pruned(features, **changes):
        return set(post.paths_to_prune({**GOOD, **changes}, set(features)))

    everything = set(post.PRUNE)
    assert pruned(everything) == set()
    assert {"my_node_pack", "example_workflows", "web/docs"} <= pruned(everything - {"nodes"})
    assert {"web", "ui"} <= pruned({"nodes"})
    assert {"web/docs/MyNodePack_ApplyPreset.md", "my_node_pack/routes.py", "presets"} <= pruned(
        everything - {"presets"}
    )
    assert ".github" in pruned(everything - {"github_actions"})


def tree(root, *files):
    for rel in files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)


def files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_matching_alternatives_move_into_place_and_the_rest_go(tmp_path):
    tree(tmp_path, "README.md", "_alternatives/node_api=v1/pkg/nodes.py", "_alternatives/node_api=v3/pkg/nodes.py",
         "_alternatives/frontend=ts,node_category=client/web/dist/main.js",
         "_alternatives/frontend=ts,node_category=connected/web/dist/main.js")  # fmt: skip
    post.place_alternatives(tmp_path, {**GOOD, "node_api": "v1", "frontend": "ts", "node_category": "client"})
    assert files(tmp_path) == ["README.md", "pkg/nodes.py", "web/dist/main.js"]
    assert (tmp_path / "pkg/nodes.py").read_text() == "_alternatives/node_api=v1/pkg/nodes.py"
    assert (tmp_path / "web/dist/main.js").read_text().startswith("_alternatives/frontend=ts,node_category=client/")


def test_an_alternative_replaces_the_file_an_earlier_bake_left(tmp_path):
    """With --overwrite-if-exists over the same pack (a file from two places of the template is a bug that
    test_template.py catches for every combination)."""
    tree(tmp_path, "ui/jsconfig.json", "_alternatives/frontend=js/ui/jsconfig.json")
    post.place_alternatives(tmp_path, {**GOOD, "frontend": "js"})
    assert (tmp_path / "ui/jsconfig.json").read_text() == "_alternatives/frontend=js/ui/jsconfig.json"


def test_verbatim_files_are_copied_into_place_byte_for_byte_over_an_earlier_bake(tmp_path):
    tree(tmp_path, "template/a.js", "pack/web/dist/main.js")
    (tmp_path / "template/a.js").write_bytes(b"x\r\ny")
    post.copy_verbatim(tmp_path / "pack", [(str(tmp_path / "template/a.js"), "web/dist/main.js"),
                                           (str(tmp_path / "template/a.js"), "ui/new/b.js")])  # fmt: skip
    assert (
        (tmp_path / "pack/web/dist/main.js").read_bytes() == (tmp_path / "pack/ui/new/b.js").read_bytes() == b"x\r\ny"
    )


def test_the_extension_lists_the_verbatim_files_a_pack_keeps():
    def copies(**answers):
        a = {**GOOD, **answers}
        return {
            rel: Path(source).relative_to(TEMPLATE / "verbatim").parts[0]
            for source, rel in ast.literal_eval(ext.verbatim_copies(a))
        }

    assert copies(node_category="server", license="GPL-3.0-or-later") == {"LICENSE": "license=GPL-3.0-or-later"}
    assert copies(node_category="server", license="none") == {}
    client = copies(node_category="client", frontend="ts", license="MIT")
    assert client["web/dist/main.js"] == "frontend=ts,node_category=client"
    assert client["ui/package-lock.json"] == "frontend=ts" and "LICENSE" not in client
    assert "ui/src/presets-panel.ts" not in client  # a client pack has no presets (PRUNE)
    assert "ui/src/presets-panel.ts" in copies(node_category="connected", frontend="ts")


def test_keeps_follows_the_prune_table_the_patterns_and_the_alternatives():
    no_presets = set(post.PRUNE) - {"presets"}
    assert post.keeps("ui/src/hello-panel.tsx", GOOD, no_presets)
    assert not post.keeps("ui/src/presets-panel.tsx", GOOD, no_presets)  # a pattern
    assert not post.keeps("presets/a.json", GOOD, no_presets)  # in a folder the pack does not have
    assert not post.keeps("my_node_pack/routes.py", GOOD, no_presets)  # a path with the package's name
    assert post.keeps("_alternatives/node_api=v3/my_node_pack/nodes.py", GOOD, no_presets)
    assert not post.keeps("_alternatives/node_api=v1/my_node_pack/nodes.py", GOOD, no_presets)
    assert not post.keeps("_alternatives/node_api=v3/my_node_pack/routes.py", GOOD, no_presets)
    assert post.keeps("presets.md", GOOD, no_presets)  # a name that only starts like a pruned one
    assert post.keeps("web/docs/MyNodePack_ApplyPreset.md.orig", GOOD, no_presets)  # the whole name must match


def test_prune_paths_use_only_the_star_wildcard():
    """keeps reads "*" as any characters; "?" and "[" would be taken literally."""
    for feature, paths in post.PRUNE.items():
        for path in paths:
            assert not set("?[]") & set(path), f"PRUNE[{feature!r}]: {path}"


def test_the_hook_removes_the_empty_folders_it_was_given_and_never_a_file(tmp_path):
    """Over an earlier bake (-f), a file the author put where this pack has nothing of the template's stays, and so
    does an empty folder of the author's."""
    tree(tmp_path, "keep.txt", "web/mine.js")
    for folder in ("ui/src/extensions", "presets", "web/docs", "mine/empty"):
        (tmp_path / folder).mkdir(parents=True)
    made = ["presets", "ui", "ui/src", "ui/src/extensions", "web", "web/docs", "gone"]
    post.remove_empty_folders(tmp_path, made)
    assert files(tmp_path) == ["keep.txt", "web/mine.js"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "mine", "web"]
    assert (tmp_path / "mine" / "empty").is_dir()


def test_the_folders_the_hook_may_remove_are_those_of_the_template():
    made = ast.literal_eval(ext.made_folders(GOOD))
    pack = TEMPLATE / ext.PROJECT_DIR
    folders = [p.relative_to(pack).as_posix() for p in pack.rglob("*") if p.is_dir()]
    assert made == sorted(f.replace("{{cookiecutter.__package_name}}", "my_node_pack") for f in folders)
    assert "my_node_pack" in made and "_alternatives/node_api=v1/my_node_pack" in made and ".git" not in made


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


@pytest.mark.parametrize(
    ("name", "prefix"),
    [("My Node Pack", "mynodepack"), ("3D Tools!", "3dtools"), ("日本語", "Fallback"), ("Comfy", "Fallback")],
)
def test_js_namespace_is_the_display_name_as_comfy_test_expects(name, prefix):
    assert ext.js_namespace(name, "Fallback") == prefix


def test_the_templates_own_code_is_ruff_clean():
    for cmd in (["check", "."], ["format", "--check", "."]):
        out = subprocess.run([sys.executable, "-m", "ruff", *cmd], cwd=TEMPLATE, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize(
    ("slug", "package"),
    [("my-pack", "my_pack"), ("class", "class_nodes"), ("json", "json_nodes"), ("test", "test_nodes"),
     ("3d-tools", "pack_3d_tools"), ("", "my_node_pack"), ("Ünï", "n"), ("web", "web_nodes"), ("UI", "ui_nodes")],
)  # fmt: skip
def test_package_default_is_always_a_valid_package_name(slug, package):
    assert ext.package_default(slug) == package
    assert ext.RULES["__package_name"][0](package)


@pytest.mark.parametrize(
    ("registry", "route"), [("my-pack", "my-pack"), ("api", "api-nodes"), ("prompt", "prompt-nodes")]
)
def test_route_default_avoids_comfyuis_own_routes(registry, route):
    assert ext.route_default(registry) == route


@pytest.mark.parametrize(
    "name",
    ["Test", "API", "3D Tools", "class", "Utils", "Comfy", "ComfyUI", "🎨", "json", "42", "Core", "a" * 100, "Web",
     "Presets", "Example Workflows"],
)  # fmt: skip
def test_ordinary_project_names_give_answers_that_pass_every_rule(name):
    """What cookiecutter.json derives from the display name alone never trips a rule."""
    slug = ext.slug_default(name)
    registry = ext.registry_default(slug)
    prefix = ext.pascal_default(name)
    answers = {**GOOD, "project_name": name, "project_slug": slug, "__registry_name": registry,
               "__package_name": ext.package_default(slug), "node_prefix": prefix,
               "__route_prefix": ext.route_default(registry),
               "__js_prefix": ext.js_namespace(name, prefix)}  # fmt: skip
    assert ext.validate(answers) == []


@pytest.mark.parametrize(("user", "publisher"), [("Jane-Doe", "jane-doe"), ("ACME", "acme"), ("42-Labs", "labs")])
def test_the_publisher_id_is_the_github_user_in_lower_case(user, publisher):
    assert ext.publisher_default(user) == publisher


def test_a_pack_of_an_upper_case_github_user_names_the_registry_publisher_in_lower_case(cookies):
    pack = Path(cookies.bake(template=str(TEMPLATE), extra_context={"github_user": "Jane-Doe"}).project_path)
    pyproject = tomllib.loads((pack / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["comfy"]["PublisherId"] == "jane-doe"
    assert pyproject["project"]["urls"]["Repository"] == "https://github.com/Jane-Doe/my-node-pack"


@pytest.mark.parametrize("name", ["", "my-node-pack/subgraphs/soft-invert", "Ünïcode 🎨 name", "x" * 500])
def test_uuid_for_is_uuid5_in_the_url_namespace(name):
    import uuid

    assert ext.uuid_for(name) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def test_the_pack_folders_a_package_may_not_be_named_are_the_folders_at_the_top_of_a_pack():
    """A package named like a folder at the top of the template's pack (web, ui, ...) would be made twice by
    cookiecutter, which stops the bake; PACK_FOLDERS must list them all, from every layout a pack file comes from."""
    source = TEMPLATE / "{{cookiecutter.project_slug}}"
    tops = [source, *(source / "_alternatives").iterdir(), *(TEMPLATE / "verbatim").iterdir()]
    folders = {p.name for top in tops for p in top.iterdir() if p.is_dir()} | {"_alternatives"}
    names = {name for name in folders if re.fullmatch(r"[a-z_][a-z0-9_]*", name) and name not in ext.TAKEN_MODULES}
    assert ext.PACK_FOLDERS == names


def test_a_project_named_like_a_folder_of_the_pack_bakes(cookies):
    result = cookies.bake(template=str(TEMPLATE), extra_context={"project_name": "Web"})
    assert result.exit_code == 0, result.exception
    assert (Path(result.project_path) / "web_nodes" / "__init__.py").is_file()


def test_a_string_that_is_not_the_templates_own_compiles_to_its_literal_text():
    """preprocess's guard: should an answer reach the compiler rather than Text, its Jinja stays text."""
    from jinja2 import Environment

    for source in ["{{ 7*7 }}", "{% if true %}x{% endif %}", "{{cookiecutter.project_slug}}", "<é>\n\u2028\n"]:
        env = Environment(keep_trailing_newline=True)  # noqa: S701 (as cookiecutter makes it: text, not HTML)
        assert env.from_string(ext.preprocess(source, None)).render() == source
