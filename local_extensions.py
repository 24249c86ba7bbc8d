"""Jinja extension for this template: escaping filters, derived defaults, early validation.

cookiecutter loads it through ``_extensions`` in cookiecutter.json (the template folder is on
``sys.path`` while it renders). Everything here is standard library plus Jinja.

* Filters that put a user's text into a file format exactly and safely: ``toml_str``,
  ``json_str`` (valid JSON and JavaScript, HTML-safe), ``md_text``.
* Filters that derive defaults that pass the hook's rules: ``slug_default``, ``registry_default``, ``package_default``,
  ``route_default``, ``pascal_default``.
* ``check_answers``: runs the pre-gen hook's rules as soon as the last answer is in, so a bad
  answer stops the bake before cookiecutter creates any folder (an empty or ``../`` slug would
  otherwise become a confusing "directory already exists" or a folder outside the output dir).
* Answers are data, never templates: cookiecutter renders values given with ``--no-input`` or
  ``extra_context`` as Jinja (``{{ 7*7 }}`` would become ``49``, and Jinja can reach Python).
  ``preprocess`` turns any string that is not one of this template's own templates into a
  literal, so such a value reaches the pack exactly as typed.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.ext import Extension

HERE = Path(__file__).resolve().parent
PATH_VAR = re.compile(r"\{\{cookiecutter\.\w+\}\}")


@functools.cache
def _load_rules():
    """The pre-gen hook's rules, loaded once per process."""
    spec = importlib.util.spec_from_file_location("_nodepack_pre_gen", HERE / "hooks" / "pre_gen_project.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


# Derived defaults. Each one is checked against the pre-gen hook's own rule and, if a name such as
# "Test", "API" or "3D Tools" would break it, made valid, so that an ordinary project name always
# gives a pack that bakes; what the user types explicitly is still checked as typed.


def _valid(field: str, value: str) -> bool:
    return _load_rules().RULES[field][0](value)


def slug_default(text) -> str:
    """Folder name from the display name."""
    from slugify import slugify  # ships with cookiecutter

    name = slugify(str(text)) or "my-node-pack"
    return name if _valid("project_slug", name) else name + "-nodes"


def registry_default(slug) -> str:
    """Registry name from the folder name: lower case, without the word 'comfyui' (registry advice)."""
    name = re.sub(r"[^a-z0-9_-]+", "-", str(slug).lower())
    name = re.sub(r"(^|[-_])comfy[-_]?ui(?=$|[-_])", r"\1", name)
    name = re.sub(r"[-_]{2,}", "-", name).strip("-_") or "node-pack"
    name = name if name[0].isalpha() else "pack-" + name
    return name[:90].rstrip("-_")


def package_default(slug) -> str:
    """Python package name from the folder name; avoids keywords and modules it would shadow."""
    name = re.sub(r"[^a-z0-9_]+", "_", str(slug).lower()).strip("_") or "my_node_pack"
    name = (name if name[0].isalpha() else "pack_" + name)[:50]
    return name if _valid("package_name", name) else name + "_nodes"


def route_default(registry_name) -> str:
    """Route prefix from the registry name, unless ComfyUI already serves that path."""
    name = str(registry_name)[:50]
    return name if _valid("route_prefix", name) else name + "-nodes"


def pascal_default(text) -> str:
    """Node-id prefix from the display name: ASCII PascalCase, starting with a letter."""
    from slugify import slugify  # ships with cookiecutter

    words = slugify(str(text), separator=" ").split()
    name = "".join(w[:1].upper() + w[1:] for w in words)
    if not name or not name[0].isalpha():
        name = "Pack" + name
    return name[:32] if name.lower() != "comfy" else name + "Nodes"


def _literal(source: str) -> str:
    """A Jinja template that renders ``source`` verbatim (every character escaped)."""
    return '{{ "' + "".join(f"\\U{ord(ch):08x}" for ch in source) + '" }}'


class NodePackExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.filters.update(
            toml_str=toml_str,
            json_str=json_str,
            md_text=md_text,
            slug_default=slug_default,
            registry_default=registry_default,
            package_default=package_default,
            route_default=route_default,
            pascal_default=pascal_default,
            check_answers=self.check_answers,
        )
        self._own = None
        # Compiling the pack's templates is most of a bake's cost; Jinja keeps the compiled code, keyed by
        # each file's checksum, so later bakes skip it. Without a writable cache folder, bakes just compile.
        try:
            cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "comfyui-nodepack-template"
            (cache / "jinja").mkdir(parents=True, exist_ok=True)
            environment.bytecode_cache = FileSystemBytecodeCache(str(cache / "jinja"))
        except OSError:
            pass

    def _own_templates(self) -> set[str]:
        """Strings of this template that cookiecutter renders with ``from_string``."""
        if self._own is None:
            own: set[str] = set()

            def collect(value):
                if isinstance(value, str):
                    own.add(value)
                elif isinstance(value, (list, dict)):
                    for item in value.values() if isinstance(value, dict) else value:
                        collect(item)

            collect(json.loads((HERE / "cookiecutter.json").read_text(encoding="utf-8")))
            own.update(hook.read_text(encoding="utf-8") for hook in (HERE / "hooks").glob("*.py"))
            self._own = own
            self._path_vars = {m for p in HERE.glob("{{*}}/**/*") for m in PATH_VAR.findall(p.name)}
            self._path_vars.update(PATH_VAR.findall(next(HERE.glob("{{*}}")).name))
        return self._own

    def preprocess(self, source, name, filename=None):
        if name is not None or "{" not in source:
            return source  # a template file, or a string Jinja would not act on
        if source in self._own_templates():
            return source
        # A file or folder path of this template: only its own path placeholders, nothing else.
        rest = PATH_VAR.sub("", source)
        if "{" not in rest and set(PATH_VAR.findall(source)) <= self._path_vars:
            return source
        return _literal(source)

    @staticmethod
    def check_answers(answers) -> str:
        errors = _load_rules().validate(dict(answers))
        if errors:
            from cookiecutter.exceptions import FailedHookException

            for line in errors:
                print(line, file=sys.stderr)
            raise FailedHookException(errors[0])
        return ""
