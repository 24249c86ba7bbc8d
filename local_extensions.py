"""The Jinja extension cookiecutter loads for this template (``_extensions`` in cookiecutter.json).

The extension's code is in extension.py, read from disk each time cookiecutter makes a Jinja environment:
cookiecutter imports this module by name once per Python process, and ``cruft update`` renders two
versions of the template in one process (the pack's old commit, then the new one, from the same folder).
A module cached by the first render would render the second. Keep this file as it is.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from jinja2.ext import Extension

HERE = Path(__file__).resolve().parent


def load(path: Path | str):
    """Run a Python file as a new module, every time (nothing is cached in sys.modules)."""
    spec = importlib.util.spec_from_file_location(f"_nodepack_{Path(path).stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class NodePackExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        self.code = load(HERE / "extension.py")
        self.code.install(environment)

    def preprocess(self, source, name, filename=None):
        return self.code.preprocess(source, name)
