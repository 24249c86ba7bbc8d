"""The Jinja extension cookiecutter loads for this template (``_extensions`` in cookiecutter.json).

The extension's code is in extension.py, read from disk each time cookiecutter makes a Jinja environment:
cookiecutter imports this module by name once per Python process, and ``cruft update`` renders two
versions of the template in one process (the pack's old commit, then the new one, from the same folder).
A module kept by path alone would render the second with the first's code, so a module is kept by path and
content: the three environments of one bake share it, another version of the file is run afresh.

Compiled code is kept in a cache folder (README, "What a bake writes"): Python's for the files ``load`` runs
(Python keeps no .pyc for them where PYTHONDONTWRITEBYTECODE is set) and Jinja's for the pack's templates.

In a cruft update it is the old version's loader that runs the new extension.py: keep this file small, and
the new extension.py working under an old loader.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
import types
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.ext import Extension

HERE = Path(__file__).resolve().parent


def cache_folder() -> Path | None:
    """Where bakes keep compiled code; None with COMFY_TEMPLATE_NO_CACHE set."""
    if os.environ.get("COMFY_TEMPLATE_NO_CACHE"):
        return None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "comfyui-nodepack-template"


def compiled(source: bytes, path: str) -> types.CodeType:
    """The code of a Python file, from the cache when it holds this content at this path."""
    folder = cache_folder()
    if folder is None:
        return compile(source, path, "exec")
    key = hashlib.sha256(path.encode() + b"\0" + source).hexdigest()
    file = folder / "python" / f"{key}.{sys.implementation.cache_tag}"
    try:
        return marshal.loads(file.read_bytes())  # noqa: S302 (the user's own cache, like .pyc files and Jinja's)
    except (OSError, EOFError, ValueError, TypeError):  # not there yet, or a torn or foreign file
        code = compile(source, path, "exec")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(f"{file.name}.{os.getpid()}")
        partial.write_bytes(marshal.dumps(code))
        os.replace(partial, file)  # whole or not at all, for bakes running side by side
    except OSError:
        pass
    return code


LOADED: dict = {}  # (path, content) -> module


def load(path: Path | str):
    """Run a Python file as a module of its own (not in sys.modules), once per content of the file."""
    path = str(path)
    source = Path(path).read_bytes()
    if (path, source) not in LOADED:
        spec = importlib.util.spec_from_file_location(f"_nodepack_{Path(path).stem}", path)
        module = importlib.util.module_from_spec(spec)
        exec(compiled(source, path), module.__dict__)  # noqa: S102 (what exec_module does)
        LOADED[path, source] = module
    return LOADED[path, source]


class NodePackExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        self.code = load(HERE / "extension.py")
        self.code.install(environment)
        folder = cache_folder()
        if folder is not None:  # one folder per version of the extension, whose preprocess shapes the code
            version = hashlib.sha256((HERE / "extension.py").read_bytes()).hexdigest()[:16]
            try:
                (folder / "jinja" / version).mkdir(parents=True, exist_ok=True)
                environment.bytecode_cache = FileSystemBytecodeCache(str(folder / "jinja" / version))
            except OSError:  # no writable cache folder: bakes just compile
                pass

    def preprocess(self, source, name, filename=None):
        return self.code.preprocess(source, name)
