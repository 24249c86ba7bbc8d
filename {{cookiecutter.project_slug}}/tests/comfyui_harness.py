"""Start a real ComfyUI with this pack installed, and talk to it over HTTP. Standard library only.

Used by ``test_comfyui.py``; point it at a ComfyUI checkout with ``COMFYUI_PATH`` and at the Python
that runs it with ``COMFYUI_PYTHON`` (default: this interpreter).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

IGNORED = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".ruff_cache", "node_modules")
WIDGET_TYPES = {"INT", "FLOAT", "STRING", "BOOLEAN", "COMBO"}
# Newer ComfyUI colours its log and tags each line with its level; log() removes both.
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LEVEL_TAG = re.compile(r"^\[(?:DEBUG|DETAIL|INFO|WARNING|ERROR|CRITICAL)\] ", re.M)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def install_pack(pack_dir: Path, custom_nodes: Path, name: str | None = None) -> Path:
    """Copy the pack into ``custom_nodes`` as a git clone would (no caches, no virtualenv)."""
    target = custom_nodes / (name or pack_dir.name)
    shutil.copytree(pack_dir, target, ignore=IGNORED)
    return target


class ComfyUI:
    """A ComfyUI server in a subprocess, with its own base directory (custom_nodes, user, output...)."""

    def __init__(self, comfyui_path, base_dir, python=None, port=None, extra_args=()):
        self.comfyui_path = Path(comfyui_path)
        self.base_dir = Path(base_dir)
        self.python = python or sys.executable
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.extra_args = list(extra_args)
        self.log_path = self.base_dir / "comfyui.log"
        self.process = None

    def start(self, timeout: float = 180) -> ComfyUI:
        for sub in ("custom_nodes", "user/default"):
            (self.base_dir / sub).mkdir(parents=True, exist_ok=True)
        settings = self.base_dir / "user" / "default" / "comfy.settings.json"
        if not settings.exists():  # skip the first-run tutorial in the browser
            settings.write_text(json.dumps({"Comfy.TutorialCompleted": True}))
        cmd = [
            self.python, "main.py", "--cpu", "--listen", "127.0.0.1", "--port", str(self.port),
            "--base-directory", str(self.base_dir), "--database-url", f"sqlite:///{self.base_dir / 'comfyui.db'}",
            *self.extra_args,
        ]  # fmt: skip
        self._log = open(self.log_path, "w", encoding="utf-8")  # closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 (fixed command, no shell)
            cmd,
            cwd=self.comfyui_path,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ComfyUI exited with {self.process.returncode}:\n{self.log()[-5000:]}")
            try:
                if self.get("/system_stats")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.25)
        self.stop()
        raise TimeoutError(f"ComfyUI did not answer within {timeout}s:\n{self.log()[-5000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "_log", None):
            self._log.close()

    def __enter__(self) -> ComfyUI:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def log(self) -> str:
        if not self.log_path.exists():
            return ""
        return LEVEL_TAG.sub("", ANSI.sub("", self.log_path.read_text(encoding="utf-8", errors="replace")))

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """(status, parsed JSON or raw bytes) for one request; HTTP errors are returned, not raised."""
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})  # noqa: S310
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 (our own http:// URL)
                status, data, ctype = resp.status, resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            status, data, ctype = err.code, err.read(), err.headers.get("Content-Type", "")
        return status, json.loads(data) if "json" in ctype else data

    def get(self, path: str):
        return self.request("GET", path)

    def post_json(self, path: str, payload) -> tuple:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return self.request("POST", path, body, {"Content-Type": "application/json"})

    def import_line(self, folder: str) -> str | None:
        """The pack's line under 'Import times for custom nodes', or None."""
        lines = self.log().split("Import times for custom nodes:", 1)[-1].splitlines()
        return next((ln for ln in lines if ln.rstrip().endswith(os.sep + folder)), None)

    def object_info(self) -> dict:
        status, info = self.get("/object_info")
        assert status == 200, status
        return info

    def queue(self, prompt: dict, client_id: str = "tests") -> str:
        status, body = self.post_json("/prompt", {"prompt": prompt, "client_id": client_id})
        if status != 200:
            raise AssertionError(f"/prompt answered {status}: {body}")
        return body["prompt_id"]

    def wait(self, prompt_id: str, timeout: float = 120) -> dict:
        """The /history entry of a finished prompt."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, history = self.get(f"/history/{prompt_id}")
            entry = history.get(prompt_id, {}) if status == 200 else {}
            if entry.get("status", {}).get("completed") is not None:
                return entry
            time.sleep(0.2)
        raise TimeoutError(f"prompt {prompt_id} did not finish in {timeout}s")


def tracebacks(log: str) -> list[str]:
    """Every Python traceback in a log, each as one block of text."""
    blocks, current = [], None
    for line in log.splitlines():
        if line.startswith("Traceback (most recent call last):"):
            current = [line]
            blocks.append(current)
        elif current is not None:
            current.append(line)
            if not line.startswith(" "):  # the exception line ends the block
                current = None
    return ["\n".join(b) for b in blocks]


def ui_to_api(workflow: dict, object_info: dict) -> dict:
    """Convert a UI-format workflow (what the browser saves) into the API format /prompt takes."""
    links = {link[0]: (str(link[1]), link[2]) for link in workflow["links"]}
    prompt = {}
    for node in workflow["nodes"]:
        if node.get("mode", 0) != 0:  # muted or bypassed
            continue
        info = object_info[node["type"]]
        linked = {i["name"]: links[i["link"]] for i in node.get("inputs", []) if i.get("link") is not None}
        inputs = {name: list(src) for name, src in linked.items()}
        values = iter(node.get("widgets_values") or [])
        for name in info["input_order"].get("required", []) + info["input_order"].get("optional", []):
            spec = info["input"].get("required", {}).get(name) or info["input"].get("optional", {}).get(name)
            kind, options = spec[0], (spec[1] if len(spec) > 1 else {})
            if not (isinstance(kind, list) or kind in WIDGET_TYPES) or options.get("forceInput"):
                continue
            value = next(values, None)
            if options.get("control_after_generate"):
                next(values, None)  # the front end stores the control mode right after the value
            if name not in linked and value is not None:
                inputs[name] = value
        prompt[str(node["id"])] = {"class_type": node["type"], "inputs": inputs}
    return prompt
