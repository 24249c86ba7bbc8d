"""Pre-generation hook: reject bad answers before any file of the pack is written.

One rule per prompt in RULES: a check, the rule in words, and a valid example. A failing answer
prints one line, ``ERROR: <field> = <value>: <rule> (e.g. <example>)``, and the hook exits 1;
cookiecutter then removes the folder it had just created, so nothing half-written is left.

Standard library only. cookiecutter renders this file with the answers before running it, so the
answers arrive as JSON; ``local_extensions.py`` also imports ``validate`` to check the answers
before cookiecutter creates the output folder at all.
"""

from __future__ import annotations

import json
import keyword
import re
import sys

# Top-level modules of ComfyUI and of the libraries it ships with: a package of that name,
# installed with `pip install -e .`, would shadow them.
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
    "history", "i18n", "internal", "interrupt", "jobs", "models", "object_info", "prompt", "queue",
    "scripts", "settings", "system_stats", "templates", "upload", "user", "userdata", "users", "v2",
    "view", "view_metadata", "workflow_templates", "ws",
}  # fmt: skip

CHOICES = {
    "license": {"GPL-3.0-or-later", "MIT", "Apache-2.0", "BSD-3-Clause", "none"},
    "node_category": {"server", "client", "independent", "connected"},
    "node_api": {"v3", "v1"},
    "frontend": {"js", "ts", "react", "vue"},
    "github_actions": {"yes", "no"},
}

CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


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


# field: (check, rule, example)
RULES = {
    "project_name": (line(100), "a single line of 1-100 characters", "My Node Pack"),
    "project_slug": (
        lambda v: pattern(r"[A-Za-z0-9][A-Za-z0-9_-]*", 100)(v) and v.lower() != "core",
        "letters, digits, '-' and '_', starting with a letter or digit; no dots or spaces; not 'core'",
        "my-node-pack",
    ),
    "registry_name": (
        lambda v: pattern(r"[a-z][a-z0-9]*([-_][a-z0-9]+)*", 99)(v) and "comfyui" not in v,
        "lower-case letters, digits, single '-' or '_' between them, starting with a letter, under 100 "
        "characters, without 'comfyui'",
        "my-node-pack",
    ),
    "package_name": (
        package_name,
        "a lower-case Python identifier, not a keyword, nor a standard-library, ComfyUI or torch module",
        "my_node_pack",
    ),
    "node_prefix": (pattern(r"[A-Za-z][A-Za-z0-9]*", 40), "letters and digits, starting with a letter", "MyNodePack"),
    "route_prefix": (
        lambda v: pattern(r"[a-z0-9][a-z0-9_-]*", 60)(v) and v not in CORE_ROUTES,
        "lower-case letters, digits, '-' and '_', and not one of ComfyUI's own routes",
        "my-node-pack",
    ),
    "js_prefix": (
        lambda v: pattern(r"[A-Za-z][A-Za-z0-9_]*", 40)(v) and v.lower() != "comfy",
        "letters, digits and '_', starting with a letter; not 'Comfy' (ComfyUI's own prefix)",
        "MyNodePack",
    ),
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
    "publisher_id": (
        pattern(r"[a-z][a-z0-9-]*", 100),
        "lower-case letters, digits and '-', starting with a letter (Comfy Registry rule)",
        "jane-doe",
    ),
    "version": (pattern(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)", 50), "SemVer X.Y.Z", "0.1.0"),
    "description": (line(1000), "a single line of 1-1000 characters (Comfy Registry limit)", "Invert images"),
}
for _field, _allowed in CHOICES.items():
    RULES[_field] = (_allowed.__contains__, "one of " + ", ".join(sorted(_allowed)), sorted(_allowed)[0])


# Answers that are fine alone but not together: (field, check on all answers, rule, example).
COMBINATIONS = [
    (
        "frontend",
        lambda a: a.get("node_category") != "server" or a.get("frontend") == "js",
        "js for a server-side-only pack, which has no front end",
        "js",
    ),
]


def validate(answers: dict) -> list[str]:
    """One ``ERROR:`` line per answer that breaks its rule (empty list: all good)."""
    errors = []
    for field, (check, rule, example) in RULES.items():
        value = answers.get(field)
        if not isinstance(value, str) or not check(value):
            errors.append(f"ERROR: {field} = {value!r}: must be {rule} (e.g. {example!r})")
    if not errors:
        for field, check, rule, example in COMBINATIONS:
            if not check(answers):
                errors.append(f"ERROR: {field} = {answers.get(field)!r}: must be {rule} (e.g. {example!r})")
    return errors


def main() -> int:
    answers = json.loads(r"""{{ cookiecutter | tojson }}""")
    errors = validate(answers)
    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
