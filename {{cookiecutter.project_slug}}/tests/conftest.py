"""Shared test set-up.

The tests import the pack's Python package from the pack folder. They never import the pack's root
``__init__.py``: that file is for ComfyUI, which imports the pack by its path.

ComfyUI's own modules (``comfy_api``, which V3 nodes import) come from the ComfyUI the tests find: the one
``COMFYUI_PATH`` names; else the one the Python running the tests belongs to (a venv inside or beside the
ComfyUI folder, the portable build's ``python_embeded``, the Desktop app); else the one whose
``custom_nodes/`` holds the folder the tests run from. So ComfyUI's Python, run in the linked pack (README,
Develop), needs no setting.

The tests that start ComfyUI itself are opt-in: set COMFYUI_PATH. They share one ComfyUI, started with this
pack linked into its custom_nodes (as you develop it) and stopped at the end.
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
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

PACK_DIR = Path(__file__).resolve().parent.parent
COMFYUI_PATH = os.environ.get("COMFYUI_PATH", "")


def is_comfyui(folder: Path) -> bool:
    return (folder / "main.py").is_file() and (folder / "comfy_api").is_dir()


def places_to_look() -> Iterator[Path]:
    """Where ComfyUI may be, most likely first."""
    if COMFYUI_PATH:
        yield Path(COMFYUI_PATH)
    prefix = Path(sys.prefix)  # the venv, or the portable build's python_embeded
    yield prefix.parent  # a venv inside the ComfyUI folder (ComfyUI/venv, ComfyUI/.venv)
    yield prefix.parent / "ComfyUI"  # a venv beside it; the portable build
    # The Desktop app keeps its venv in your ComfyUI folder and ComfyUI's code inside the app.
    if os.environ.get("LOCALAPPDATA"):
        yield Path(os.environ["LOCALAPPDATA"], "Programs", "ComfyUI", "resources", "ComfyUI")
    yield Path("/Applications/ComfyUI.app/Contents/Resources/ComfyUI")
    for start in (Path(os.environ.get("PWD") or "."), Path.cwd(), PACK_DIR):  # the pack in ComfyUI/custom_nodes/
        yield from (folder.parent for folder in start.absolute().parents if folder.name == "custom_nodes")


COMFYUI = next((folder for folder in places_to_look() if is_comfyui(folder)), None)
sys.path.insert(0, str(PACK_DIR))
if COMFYUI:
    sys.path.append(str(COMFYUI))
    from comfy.cli_args import args

    args.cpu = True  # the tests run ComfyUI's own code on the CPU, as `main.py --cpu` would


def pytest_addoption(parser):
    parser.addoption(
        "--update-node-definitions",
        action="store_true",
        help="write tests/node_definitions/, locales/en/nodeDefs.json and node_list.json from the nodes",
    )


def pytest_report_header():
    return f"ComfyUI: {COMFYUI or 'not found (set COMFYUI_PATH, or run with the Python that runs ComfyUI)'}"


class ComfyUI(NamedTuple):
    port: int
    log: Path

    def get(self, path: str):
        """The JSON answer of a GET request."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as answer:  # noqa: S310
            return json.loads(answer.read())

    def pack_nodes(self) -> set[str]:
        """The ids of the nodes ComfyUI loaded from this pack."""
        info = self.get("/object_info")
        return {node_id for node_id, node in info.items() if node["python_module"] == f"custom_nodes.{PACK_DIR.name}"}

    def run(self, workflow: Path) -> dict:
        """Run a workflow as the page saves it; comfy-cli turns it into the prompt ComfyUI runs."""
        pytest.importorskip("comfy_cli", reason="needs comfy-cli: pip install -e '.[comfyui]'")
        out = subprocess.run(
            [sys.executable, "-m", "comfy_cli", "--skip-prompt", "--no-enable-telemetry", "run", "--workflow",
             str(workflow), "--host", "127.0.0.1", "--port", str(self.port), "--wait", "--json"],
            capture_output=True, encoding="utf-8", timeout=300,
        )  # fmt: skip
        envelope = json.loads(out.stdout.strip().splitlines()[-1])
        assert envelope["ok"], out.stdout[-3000:] + out.stderr[-3000:]
        return envelope["data"]


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
    # Without ComfyUI's API nodes (not this pack's): a faster start, and no call to the internet.
    command = [sys.executable, "main.py", "--cpu", "--listen", "127.0.0.1", "--port", str(server.port),
               "--base-directory", str(base), "--database-url", f"sqlite:///{base / 'comfyui.db'}",
               "--disable-api-nodes"]  # fmt: skip
    with server.log.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=COMFYUI_PATH, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                server.get("/system_stats")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log_text = server.log.read_text(encoding="utf-8", errors="replace")
                    pytest.fail(f"ComfyUI did not start:\n{log_text[-3000:]}")
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
