"""Shared test set-up.

The tests import the pack's Python package from the pack folder. They never import the pack's root
``__init__.py``: that file is for ComfyUI, which imports the pack by its path and provides modules
(``comfy_api``, ``server``) that exist only inside ComfyUI.

The tests that need ComfyUI itself are opt-in: set COMFYUI_PATH to a ComfyUI checkout and run pytest with
the Python that runs it. They share one ComfyUI, started with this pack linked into its custom_nodes (as
you develop it) and stopped at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

import pytest

PACK_DIR = Path(__file__).resolve().parent.parent
COMFYUI_PATH = os.environ.get("COMFYUI_PATH", "")
sys.path.insert(0, str(PACK_DIR))
if COMFYUI_PATH:
    sys.path.append(COMFYUI_PATH)
    from comfy.cli_args import args

    args.cpu = True  # the tests run ComfyUI's own code on the CPU, as `main.py --cpu` would


class ComfyUI(NamedTuple):
    port: int
    log: Path

    def get(self, path: str):
        """The JSON answer of a GET request."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as answer:  # noqa: S310
            return json.loads(answer.read())


@pytest.fixture(scope="session")
def comfyui(tmp_path_factory):
    if not COMFYUI_PATH:
        pytest.skip("set COMFYUI_PATH to a ComfyUI checkout to run the tests in ComfyUI")
    base = tmp_path_factory.mktemp("comfyui")
    link = base / "custom_nodes" / PACK_DIR.name
    link.parent.mkdir()
    try:
        link.symlink_to(PACK_DIR, target_is_directory=True)
    except OSError:  # Windows without the right to make links
        shutil.copytree(PACK_DIR, link, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        server = ComfyUI(s.getsockname()[1], base / "comfyui.log")
    command = [sys.executable, "main.py", "--cpu", "--listen", "127.0.0.1", "--port", str(server.port),
               "--base-directory", str(base), "--database-url", f"sqlite:///{base / 'comfyui.db'}"]  # fmt: skip
    with server.log.open("w") as log:
        process = subprocess.Popen(command, cwd=COMFYUI_PATH, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                server.get("/system_stats")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"ComfyUI did not start:\n{server.log.read_text(errors='replace')[-3000:]}")
                time.sleep(0.5)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


class _PackRootIsAFolder:
    """pytest imports any folder with an ``__init__.py`` as a package before running the tests in it;
    the pack root is only a folder for the tests."""

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path, parent):
        if path == PACK_DIR:
            return pytest.Dir.from_parent(parent, path=path)
        return None


def pytest_configure(config):
    config.pluginmanager.register(_PackRootIsAFolder(), "pack-root-is-a-folder")
