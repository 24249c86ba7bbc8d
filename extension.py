"""This template's Jinja extension: which answers are allowed, what follows from them, and the filters the
pack's files use. ``local_extensions.py`` loads it; ``cookiecutter.json`` and the pack's files use what
``install()`` gives the Jinja environment.

* ``RULES``: one rule per answer (a check, the rule in words, a valid example); choices come from
  cookiecutter.json.
* ``check_answers``: runs when cookiecutter renders the pack's folder name, which it does after the last
  answer and before it writes anything, whichever way the answers came (prompts, ``--no-input``, a replay
  file, cruft). A bad answer stops the bake with one line per bad answer and the command that asks again
  with the accepted answers as defaults; an answer that does not apply to the kind of pack is reported
  and ignored.
* ``KINDS`` and ``features()``: what each kind of pack has. Templates ask ``has("presets")``; the post-gen
  hook prunes by the same names.
* Derived defaults (filters in cookiecutter.json): ``slug_default``, ``registry_default``,
  ``package_default``, ``route_default``, ``pascal_default``, ``js_namespace``, ``publisher_default``.
  Each always gives a value that passes its rule.
* Escaping filters: ``toml_str``, ``json_str`` (also safe JavaScript inside HTML), ``md_text``.
* Answers are data, never templates: cookiecutter renders values given with ``--no-input`` or
  ``extra_context`` as Jinja (``{{ 7*7 }}`` would become ``49``, and Jinja can reach Python), so
  ``preprocess`` turns any string that is not one of this template's own into a literal.

Standard library and Jinja only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import keyword
import os
import re
import shlex
import sys
from pathlib import Path, PurePosixPath

from jinja2 import pass_context

NEEDS = {"Python": (3, 10), "cookiecutter": (2, 7)}  # README, "Make a pack"


def too_old(python: tuple, cookiecutter: str) -> str | None:
    """What to upgrade, in one line, when this Python or cookiecutter is older than the template needs."""
    found = {"Python": tuple(python[:2]), "cookiecutter": tuple(int(n) for n in re.findall(r"\d+", cookiecutter)[:2])}
    for tool, needed in NEEDS.items():
        if found[tool] < needed:
            have, want = ".".join(map(str, found[tool])), ".".join(map(str, needed))
            return f"this template needs {tool} {want} or newer, and this is {tool} {have}: see its README"
    return None


def _check_tools() -> None:
    from cookiecutter import __version__

    message = too_old(sys.version_info, __version__)
    if message:  # cookiecutter reports it in one line, "Unable to load extension: ..."
        raise ImportError(message)


_check_tools()
HERE = Path(__file__).resolve().parent
CONTEXT = json.loads((HERE / "cookiecutter.json").read_text(encoding="utf-8"))
CHOICES = {k: v for k, v in CONTEXT.items() if isinstance(v, list) and not k.startswith("_")}
PROJECT_DIR = "{{cookiecutter.project_slug}}"  # the pack's folder in this template
PATH_VAR = re.compile(r"\{\{cookiecutter\.\w+\}\}")
# What only this template's Jinja acts on in a file: cookiecutter's variables, Jinja statements and comments, and
# this template's filters and helpers inside {{ }}. A file without any is written as it is (Vue's own {{ }}, a
# script's ${{ }}); there is no list of files to copy without rendering, which could go stale.
OURS = re.compile(r"cookiecutter\.|\{%|\{#|\{\{[^}]*\b(has|toml_str|json_str|md_text|uuid_for|answers_json)\b")
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")

# Top-level modules of ComfyUI and of the libraries it ships with: a package of that name, installed with
# `pip install -e .`, would shadow them.
TAKEN_MODULES = {
    "alembic_db", "api_server", "app", "comfy", "comfy_api", "comfy_api_nodes", "comfy_config",
    "comfy_execution", "comfy_extras", "comfyui_version", "cuda_malloc", "custom_nodes", "execution",
    "folder_paths", "hook_breaker_ac10a0", "latent_preview", "main", "middleware", "models",
    "new_updater", "node_helpers", "nodes", "protocol", "server", "test", "tests", "utils",
    "aiohttp", "av", "einops", "numpy", "PIL", "safetensors", "scipy", "torch", "torchvision",
    "transformers", "yaml",
}  # fmt: skip

# First path segments ComfyUI's own server answers; a pack route there would be shadowed or shadow it.
CORE_ROUTES = {
    "api", "assets", "docs", "embeddings", "extensions", "features", "free", "global_subgraphs",
    "history", "i18n", "internal", "interrupt", "jobs", "models", "node_replacements", "object_info", "prompt",
    "queue", "scripts", "settings", "system_stats", "templates", "upload", "user", "userdata", "users", "v2",
    "view", "view_metadata", "workflow_templates", "ws",
}  # fmt: skip


def pattern(regex: str, max_len: int):
    compiled = re.compile(regex)
    return lambda v: bool(compiled.fullmatch(v)) and len(v) <= max_len


def line(max_len: int):
    return lambda v: bool(v.strip()) and not CONTROL.search(v) and len(v) <= max_len


def package_name(v: str) -> bool:
    return (
        pattern(r"[a-z_][a-z0-9_]*", 60)(v)
        and not keyword.iskeyword(v)
        and not keyword.issoftkeyword(v)
        and v not in sys.stdlib_module_names
        and v not in TAKEN_MODULES
    )


# answer: (check, rule, example). Answers starting with "__" are derived, not asked (see README, Prompts).
RULES = {
    "project_name": (line(100), "a single line of 1-100 characters", "My Node Pack"),
    "project_slug": (
        lambda v: pattern(r"[A-Za-z0-9][A-Za-z0-9_-]*", 100)(v) and v.lower() != "core",
        "letters, digits, '-' and '_', starting with a letter or digit; no dots or spaces; not 'core'",
        "my-node-pack",
    ),
    "node_prefix": (pattern(r"[A-Za-z][A-Za-z0-9]*", 40), "letters and digits, starting with a letter", "MyNodePack"),
    "description": (line(1000), "a single line of 1-1000 characters (Comfy Registry limit)", "Invert images"),
    "author_name": (line(100), "a single line of 1-100 characters", "Jane Doe"),
    "author_email": (
        pattern(r"[^@\s\"<>,;()\[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", 254),
        "an email address",
        "jane@example.com",
    ),
    "github_user": (
        pattern(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}", 39),
        "a GitHub user or organisation name: letters, digits and single '-', at most 39 characters",
        "jane-doe",
    ),
    "version": (pattern(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)", 50), "SemVer X.Y.Z", "0.1.0"),
    "__registry_name": (
        lambda v: pattern(r"[a-z][a-z0-9]*([-_][a-z0-9]+)*", 99)(v) and "comfyui" not in v,
        "lower-case letters, digits, single '-' or '_' between them, starting with a letter, under 100 "
        "characters, without 'comfyui'",
        "my-node-pack",
    ),
    "__package_name": (
        package_name,
        "a lower-case Python identifier, not a keyword, nor a standard-library, ComfyUI or torch module",
        "my_node_pack",
    ),
    "__route_prefix": (
        lambda v: pattern(r"[a-z0-9][a-z0-9_-]*", 60)(v) and v not in CORE_ROUTES,
        "lower-case letters, digits, '-' and '_', and not one of ComfyUI's own routes",
        "my-node-pack",
    ),
    "__js_prefix": (
        lambda v: pattern(r"[A-Za-z0-9][A-Za-z0-9_]*", 100)(v) and v.lower() != "comfy",
        "letters, digits and '_'; not 'comfy' (ComfyUI's own prefix)",
        "mynodepack",
    ),
    "__publisher_id": (
        pattern(r"[a-z][a-z0-9-]*", 100),
        "lower-case letters, digits and '-', starting with a letter (Comfy Registry rule)",
        "jane-doe",
    ),
}
for _field, _allowed in CHOICES.items():
    RULES[_field] = (_allowed.__contains__, "one of " + ", ".join(_allowed), _allowed[0])

# Names Windows cannot give a file or folder, in any case, with or without an extension.
WINDOWS_DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)
WINDOWS_RULE = "a name Windows allows (not CON, PRN, AUX, NUL, COM0-9 or LPT0-9, in any case)"


def on_windows(max_len: int):
    """A name Windows can hold as a file or folder, short enough that every file of the pack stays under its
    260-character path limit below a portable install (README, Prompts)."""
    return lambda v: not WINDOWS_DEVICE.fullmatch(v) and len(v) <= max_len


# Folders at the top of the template's pack (its alternatives and verbatim/ included) that could be a package's
# name: cookiecutter makes every one of them, and a package folder of the same name would be made twice.
PACK_FOLDERS = {"_alternatives", "example_workflows", "locales", "presets", "subgraphs", "ui", "web"}

# Rules added after packs were made: they bind new answers. A pack's recorded answers, which cruft renders again
# on every update, are only noted when they break one (CHANGELOG: a stricter rule never rejects them).
NEW_ANSWER_RULES = {
    "project_slug": (on_windows(64), f"{WINDOWS_RULE}, at most 64 characters", "my-node-pack"),
    "node_prefix": (on_windows(32), f"{WINDOWS_RULE}, at most 32 characters", "MyNodePack"),
    "__registry_name": (on_windows(64), f"{WINDOWS_RULE}, at most 64 characters", "my-node-pack"),
    "__package_name": (
        lambda v: on_windows(60)(v) and v not in PACK_FOLDERS,
        f"{WINDOWS_RULE}, nor a folder of the pack ({', '.join(sorted(PACK_FOLDERS))})",
        "my_node_pack",
    ),
}

# What each kind of pack has. A feature names files (the post-gen hook's PRUNE) and text (has() in templates).
KINDS = {
    "server": {"nodes"},
    "client": {"web"},
    "independent": {"nodes", "web", "node_ui", "tint", "stats"},
    "connected": {"nodes", "web", "node_ui", "tint", "presets"},
}


def features(answers) -> set[str]:
    """The features a pack with these answers has: its kind's, plus "built" (a front end with a build step),
    "models" (the model-loading nodes) and "github_actions"."""
    found = set(KINDS[answers["node_category"]])
    if "web" in found and answers["frontend"] != "js":
        found.add("built")
    if "nodes" in found and answers["model_loader"] == "yes":
        found.add("models")
    if answers["github_actions"] == "yes":
        found.add("github_actions")
    return found


# The answers each kind of pack does not use (cookiecutter cannot skip a question), and why.
UNUSED = {
    "server": {"frontend": "a server-side-only pack has no front end"},
    "client": {
        "node_api": "a client-side-only pack has no nodes",
        "model_loader": "a client-side-only pack has no nodes",
    },
}


def unused_answers(answers) -> list[str]:
    """A note for each answer that the chosen kind of pack does not use, when it differs from the default."""
    unused = UNUSED.get(answers["node_category"], {})
    return [
        f"Note: {field} = {answers[field]!r} is not used: {why}."
        for field, why in unused.items()
        if answers[field] != CHOICES[field][0]
    ]


def broken_rules(answers, rules: dict) -> list[str]:
    """One line per answer that breaks its rule in ``rules``. Derived answers ("__") always pass when the answers
    they come from do, so they are reported only when those pass: then someone set them by hand."""
    found = []
    for field, (check, rule, example) in sorted(rules.items(), key=lambda item: item[0].startswith("__")):
        value = answers.get(field)
        if found and field.startswith("__"):
            break
        if not isinstance(value, str) or not check(value):
            found.append(f"{field} = {value!r}: must be {rule} (e.g. {example!r})")
    return found


def validate(answers) -> list[str]:
    """One ``ERROR:`` line per answer that breaks its rule (empty list: all good). A pack's recorded answers,
    rendered again by cruft (which sets ``_commit``), are held to the rules they were made under."""
    errors = broken_rules(answers, RULES)
    if not errors and "_commit" not in answers:
        errors = broken_rules(answers, NEW_ANSWER_RULES)
    return [f"ERROR: {e}" for e in errors]


def derived_default(field: str, answers) -> str | None:
    """The default cookiecutter.json gives ``field`` with these answers when it is a filter of another answer
    (``{{ cookiecutter.project_name | slug_default }}``); None for any other default, or without that answer."""
    found = re.fullmatch(r"\{\{ cookiecutter\.(\w+) \| (\w+) \}\}", str(CONTEXT.get(field)))
    source = answers.get(found[1]) if found else None
    return FILTERS[found[2]](source) if isinstance(source, str) else None


def retry_command(answers, errors: list[str]) -> str:
    """The command line that asks again, with the accepted answers as defaults. Left out: the bad ones, and those
    equal to the default derived from another answer (a folder name made from a refused display name), so that
    they follow the answers given then."""
    bad = {e.split(" = ", 1)[0].removeprefix("ERROR: ") for e in errors}
    kept = [
        f"{k}={v}"
        for k, v in answers.items()
        if not k.startswith("_") and k not in bad and isinstance(v, str) and v != derived_default(k, answers)
    ]
    return shlex.join(["cookiecutter", str(answers.get("_template") or "<template>"), *kept])


def other_pack_in_the_way(answers) -> str | None:
    """Why not to bake over the output folder: it holds a pack made with other answers or another template
    version (``--overwrite-if-exists`` rewrites the template's files of the *same* pack; changing a pack is
    ``cruft update``'s job, which merges). None when the folder is free, not a pack, or the same pack."""
    if "_commit" in answers or not answers.get("_output_dir"):
        return None  # cruft renders into folders of its own
    recorded_file = Path(answers["_output_dir"], answers["project_slug"], ".cookiecutter.json")
    try:
        recorded = json.loads(recorded_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if recorded == json.loads(answers_json(answers)):
        return None
    return (
        f"ERROR: {recorded_file.parent} holds a pack made with other answers or template version "
        f"{recorded.get('_template_version', '?')}; nothing was changed. To bring it to this template, run "
        "`cruft update` in it (its README, Take template updates)."
    )


def pack_paths(answers) -> tuple[set[str], set[str]]:
    """The folders a bake makes (cookiecutter makes every folder of the template's pack folder, and the hook removes
    those left empty) and the files the pack has, relative to the pack's folder, with "/"."""
    hook, pack_features, files = _hook(), features(answers), set()
    for source in _pack_files():
        path = fill_paths(source, answers).replace(os.sep, "/")
        if hook.keeps(path, answers, pack_features):
            files.add(path.split("/", 2)[2] if path.startswith(hook.ALTERNATIVES + "/") else path)
    files.update(rel.replace(os.sep, "/") for _, rel in verbatim_files(answers))
    folders = folders_made(answers) | {str(parent) for path in files for parent in PurePosixPath(path).parents}
    return folders - {"."}, files


def in_the_way(answers) -> str | None:
    """What would stop the bake halfway (cookiecutter would end in a traceback, with a pack half written): a file
    where the bake makes a folder, a folder where the pack has a file, or a folder it cannot write in. None when
    nothing is in the way (and at once when the pack's folder does not exist yet)."""
    if "_commit" in answers or not answers.get("_output_dir"):
        return None  # cruft renders into folders of its own
    pack = Path(answers["_output_dir"], answers["project_slug"])
    nearest = next(path for path in (pack, *pack.parents) if os.path.lexists(path))
    found = None
    if not nearest.is_dir():
        found = f"{nearest} is a file, where the bake makes a folder"
    elif not os.access(nearest, os.W_OK | os.X_OK):
        found = f"{nearest} is a folder this user cannot write in"
    elif nearest == pack:  # baking over a folder (--overwrite-if-exists)
        folders, files = pack_paths(answers)
        blocked = [f"{pack / p} is a file, where the bake makes a folder" for p in sorted(folders)
                   if os.path.lexists(pack / p) and not (pack / p).is_dir()]  # fmt: skip
        blocked += [f"{pack / p} is a folder, where the pack has a file" for p in sorted(files) if (pack / p).is_dir()]
        found = blocked[0] if blocked else None
    return f"ERROR: {found}; nothing was written." if found else None


def check_answers(answers) -> str:
    """The pack's folder name, once every answer has passed its rule; otherwise stop the bake."""
    from cookiecutter.exceptions import FailedHookException

    answers = dict(answers)
    errors = validate(answers)
    if errors:
        raise FailedHookException(
            "\n".join(errors)
            + "\nNothing was written. To answer again, with your other answers as the defaults, run:\n  "
            + retry_command(answers, errors)
        )
    refusal = in_the_way(answers) or other_pack_in_the_way(answers)
    if refusal:
        raise FailedHookException(refusal)
    notes = unused_answers(answers)
    if "_commit" in answers:  # cruft: the pack's recorded answers
        notes += [f"Note: {e} (kept: this pack recorded it)" for e in broken_rules(answers, NEW_ANSWER_RULES)]
    for note in notes:
        print(note, file=sys.stderr)
    return answers["project_slug"]


# Derived defaults. Each one is checked against its rule and, if a name such as "Test", "API" or "3D Tools"
# would break it, made valid, so that an ordinary project name always gives a pack that bakes; what the user
# types explicitly is still checked as typed.


def _valid(field: str, value: str) -> bool:
    return RULES[field][0](value) and NEW_ANSWER_RULES.get(field, (lambda v: True,))[0](value)


def slug_default(text) -> str:
    """Folder name from the display name, at most 64 characters."""
    from slugify import slugify  # ships with cookiecutter

    name = slugify(str(text), max_length=64, word_boundary=True) or "my-node-pack"
    return name if _valid("project_slug", name) else name[:58] + "-nodes"


def registry_default(slug) -> str:
    """Registry name from the folder name: lower case, without the word 'comfyui' (registry advice)."""
    name = re.sub(r"[^a-z0-9_-]+", "-", str(slug).lower())
    name = re.sub(r"(^|[-_])comfy[-_]?ui(?=$|[-_])", r"\1", name)
    name = re.sub(r"[-_]{2,}", "-", name).strip("-_") or "node-pack"
    name = (name if name[0].isalpha() else "pack-" + name)[:90].rstrip("-_")
    return name + "-nodes" if WINDOWS_DEVICE.fullmatch(name) else name


def package_default(slug) -> str:
    """Python package name from the folder name; avoids keywords and modules it would shadow."""
    name = re.sub(r"[^a-z0-9_]+", "_", str(slug).lower()).strip("_") or "my_node_pack"
    name = (name if name[0].isalpha() else "pack_" + name)[:50]
    return name if _valid("__package_name", name) else name + "_nodes"


def route_default(registry_name) -> str:
    """Route prefix from the registry name, unless ComfyUI already serves that path."""
    name = str(registry_name)[:50]
    return name if _valid("__route_prefix", name) else name + "-nodes"


def pascal_default(text) -> str:
    """Node-id prefix from the display name: ASCII PascalCase, starting with a letter."""
    from slugify import slugify  # ships with cookiecutter

    words = slugify(str(text), separator=" ").split()
    name = "".join(w[:1].upper() + w[1:] for w in words)
    if not name or not name[0].isalpha():
        name = "Pack" + name
    name = name[:32]
    return name if name.lower() != "comfy" and not WINDOWS_DEVICE.fullmatch(name) else name + "Nodes"


def publisher_default(github_user) -> str:
    """Comfy Registry publisher id from the GitHub user: lower case, starting with a letter."""
    name = re.sub(r"[^a-z0-9-]+", "-", str(github_user).lower()).lstrip("-0123456789")
    return name if _valid("__publisher_id", name) else "your-publisher-id"


def js_namespace(display_name, node_prefix) -> str:
    """Front-end prefix: the display name in lower-case letters and digits, the namespace the ecosystem's
    linters expect of a pack's extension names (comfy-test); the node prefix where that is empty."""
    name = re.sub(r"[^a-z0-9]+", "", str(display_name).lower())[:100]
    return name if name and _valid("__js_prefix", name) else str(node_prefix)


def toml_str(value) -> str:
    """A TOML basic string holding ``value`` exactly."""
    out = []
    for ch in str(value):
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def json_str(value) -> str:
    """A JSON string literal that is also a safe JavaScript literal inside HTML or a module."""
    text = json.dumps(str(value), ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def md_text(value) -> str:
    """Plain text for Markdown: HTML special characters become entities, so nothing renders as markup."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def uuid_for(name) -> str:
    """A UUID that is always the same for ``name`` (subgraph ids in a pack's blueprints): ``uuid.uuid5`` in the
    URL namespace (RFC 4122), worked out here because importing ``uuid``, which imports ``platform``, costs each
    bake about 1.5 ms."""
    url_namespace = bytes.fromhex("6ba7b8119dad11d180b400c04fd430c8")  # uuid.NAMESPACE_URL
    digest = bytearray(hashlib.sha1(url_namespace + str(name).encode(), usedforsecurity=False).digest())
    digest[6] = digest[6] & 0x0F | 0x50  # version 5
    digest[8] = digest[8] & 0x3F | 0x80  # the RFC 4122 variant
    hex_ = digest[:16].hex()
    return "-".join((hex_[:8], hex_[8:12], hex_[12:16], hex_[16:20], hex_[20:]))


def answers_json(answers) -> str:
    """The answers that made a pack, and the template's version, as the JSON `cruft link --extra-context`
    takes (no paths: the template's location stays out of the pack)."""
    kept = {"_template_version": answers["_template_version"]}
    kept.update((k, answers[k]) for k in CONTEXT if not k.startswith("_") and k in answers)
    for field in UNUSED.get(answers["node_category"], {}):  # recorded as the default: it changes nothing
        kept[field] = CHOICES[field][0]
    return json.dumps(kept, indent=2, ensure_ascii=False)


@pass_context
def has(context, feature: str) -> bool:
    """In a template: does this pack have ``feature`` (see KINDS)?"""
    return feature in features(context["cookiecutter"])


def python_literal(answers) -> str:
    """The string answers as a Python dict literal, for the post-gen hook."""
    return repr({key: value for key, value in answers.items() if isinstance(value, str)})


def fill_paths(path: str, answers: dict) -> str:
    """A template path with its placeholders (``{{cookiecutter.<answer>}}``) replaced by the answers."""
    return PATH_VAR.sub(lambda m: str(answers[m[0].removeprefix("{{cookiecutter.").removesuffix("}}")]), path)


def folders_made(answers) -> set[str]:
    """The folders cookiecutter makes in the pack, one for each folder of the template's pack folder, with "/"."""
    return {fill_paths(folder, answers) for folder in _template_folders()}


def made_folders(answers) -> str:
    """``folders_made`` as a Python list, for the post-gen hook to remove those left empty."""
    return repr(sorted(folders_made(answers)))


def verbatim_copies(answers) -> str:
    """``verbatim_files`` as a Python list, for the post-gen hook to copy."""
    return repr(verbatim_files(answers))


def verbatim_files(answers) -> list[tuple[str, str]]:
    """The files of the template's verbatim/ folder that this pack has, as (source, pack path). verbatim/ is laid
    out like _alternatives/ and holds the files that differ by answer and hold none of this template's Jinja
    (builds, package locks, ...): cookiecutter does not walk it, and the hook's ``keeps`` decides, as it does for
    the pack folder."""
    hook, pack_features, found = _hook(), features(answers), []
    for folder, _, names in os.walk(HERE / "verbatim"):
        for name in names:
            source = os.path.join(folder, name)
            rel = fill_paths(os.path.relpath(source, HERE / "verbatim"), answers)
            if hook.keeps(f"{hook.ALTERNATIVES}/{rel}", answers, pack_features):
                found.append((source, rel.split(os.sep, 1)[1]))
    return sorted(found)


def _literal(source: str) -> str:
    """A Jinja template that renders ``source`` verbatim (every character escaped)."""
    return '{{ "' + "".join(f"\\U{ord(ch):08x}" for ch in source) + '" }}'


@functools.cache
def _own_templates() -> frozenset[str]:
    """Strings of this template that cookiecutter renders with ``from_string`` as templates."""
    own: set[str] = set()

    def collect(value):
        if isinstance(value, str):
            own.add(value)
        elif isinstance(value, (list, dict)):
            for item in value.values() if isinstance(value, dict) else value:
                collect(item)

    collect(CONTEXT)
    own.update(hook.read_text(encoding="utf-8") for hook in (HERE / "hooks").glob("*.py"))
    return frozenset(own)


@functools.cache
def _pack_files() -> frozenset[str]:
    """The paths of the files in the template's pack folder, as cookiecutter names them while it walks it."""
    top = str(HERE / PROJECT_DIR) + os.sep
    return frozenset(os.path.join(folder, name)[len(top) :] for folder, _, names in os.walk(top) for name in names)


@functools.cache
def _template_folders() -> frozenset[str]:
    """The folders of the template's pack folder, relative to it, with "/"."""
    return frozenset(
        str(parent) for path in _pack_files() for parent in PurePosixPath(path.replace(os.sep, "/")).parents
    ) - {"."}


@functools.cache
def _hook():
    """The post-gen hook as a module: the one place that says which files a pack keeps."""
    import local_extensions  # the loader that runs this file (cookiecutter imported it by that name)

    return local_extensions.load(HERE / "hooks" / "post_gen_project.py")


class Text:
    """A string that cookiecutter renders and that is not one of this template's own templates: it renders
    without compiling.

    Cookiecutter renders two kinds of such strings: answers, while it asks them, and the template's paths,
    while it writes the pack, when every answer is known. An answer is data and stays as it is, even one that
    reads like a path or a template ("README.md", "{{cookiecutter.project_slug}}", "{{ 7*7 }}"). In a path the
    placeholders (``{{cookiecutter.<answer>}}``) are replaced by the answers, and nothing else is (an output
    folder may be named "a{b}"); the pack's folder name first checks every answer (``check_answers``); and a
    file of the pack folder that the pack does not keep (the hook's ``keeps``) renders as ".", so that
    cookiecutter writes nothing for it (it skips a file whose name renders empty)."""

    def __init__(self, source: str, file: bool):
        self.source, self.file = source, file

    def render(self, *args, **kwargs) -> str:
        answers = dict(*args, **kwargs).get("cookiecutter", {})
        if not RULES.keys() <= answers.keys():  # an answer, rendered while the answers are asked
            return self.source
        if self.source == PROJECT_DIR:  # the pack's folder name: rendered once, after the last answer
            return check_answers(answers)
        text = fill_paths(self.source, answers)
        if self.file and not _hook().keeps(text, answers, features(answers)):
            return "."
        return text


def preprocess(source: str, name) -> str:
    if name is not None:  # a file of the pack: a template only if it holds this template's Jinja
        return source if OURS.search(source) else "{% raw %}" + source + "{% endraw %}"
    # Only the template's own strings come here (fast() renders every other as Text); should anything else,
    # an answer's Jinja stays text.
    return source if source in _own_templates() else _literal(source)


def _fast(environment):
    """The environment's ``from_string``, without compiling what is not the template's own (see Text), and with
    this template's own strings (cookiecutter.json's derived defaults, the hook) compiled once into the
    environment's bytecode cache, as Jinja does for the pack's files."""
    from_string = environment.from_string

    def fast(source, globals=None, template_class=None):
        own = source in _own_templates()
        if isinstance(source, str) and not (own and "{" in source):
            return Text(source, source in _pack_files())
        cache = environment.bytecode_cache
        if cache is None or not own:
            return from_string(source, globals, template_class)
        bucket = cache.get_bucket(environment, hashlib.sha256(source.encode()).hexdigest(), None, source)
        if bucket.code is None:
            bucket.code = environment.compile(source)
            cache.set_bucket(bucket)
        cls = template_class or environment.template_class
        return cls.from_code(environment, bucket.code, environment.make_globals(globals), None)

    return fast


FILTERS = {
    "toml_str": toml_str,
    "json_str": json_str,
    "md_text": md_text,
    "slug_default": slug_default,
    "registry_default": registry_default,
    "package_default": package_default,
    "route_default": route_default,
    "publisher_default": publisher_default,
    "pascal_default": pascal_default,
    "js_namespace": js_namespace,
    "answers_json": answers_json,
    "uuid_for": uuid_for,
    "python_literal": python_literal,
    "verbatim_copies": verbatim_copies,
    "made_folders": made_folders,
}


def install(environment) -> None:
    environment.filters.update(FILTERS)
    environment.globals.update(has=has)
    environment.from_string = _fast(environment)
