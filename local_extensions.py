"""The Jinja extension cookiecutter loads for this template (``_extensions`` in cookiecutter.json).

The extension's code is in extension.py, read from disk each time cookiecutter makes a Jinja environment:
cookiecutter imports this module by name once per Python process, and ``cruft update`` renders two
versions of the template in one process (the pack's old commit, then the new one, from the same folder).
A module kept by path alone would render the second with the first's code, so a module is kept by path and
content: the three environments of one bake share it, another version of the file is run afresh. Keep this
file small: in a cruft update it is the old version's that runs.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from jinja2.ext import Extension

HERE = Path(__file__).resolve().parent


LOADED: dict = {}  # (path, content) -> module


def load(path: Path | str):
    """Run a Python file as a module of its own (not in sys.modules), once per content of the file."""
    key = (str(path), Path(path).read_bytes())
    if key not in LOADED:
        spec = importlib.util.spec_from_file_location(f"_nodepack_{Path(path).stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        LOADED[key] = module
    return LOADED[key]


class NodePackExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        self.code = load(HERE / "extension.py")
        self.code.install(environment)

    def preprocess(self, source, name, filename=None):
        return self.code.preprocess(source, name)
