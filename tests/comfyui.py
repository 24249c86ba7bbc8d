"""A real ComfyUI in a subprocess, for the template's real tier: start, talk HTTP, read the log, stop.

The hosts the real tier runs on come from the environment that scripts/comfyui-env.sh prints (or from a
user's own COMFYUI_PATH); see ``hosts()``.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LEVEL_TAG = re.compile(r"^\[(DEBUG|DETAIL|INFO|WARNING|ERROR|CRITICAL)\] ", re.M)  # 0.33.0 tags each line
WIDGET_TYPES = {"INT", "FLOAT", "STRING", "BOOLEAN", "COMBO"}


# What scripts/comfyui-env.sh prints for each host it provisions: (tree, Python, front end root, cm-cli folder).
PROVISIONED = {
    "0.3.75": ("COMFYUI_OLDEST_PATH", "COMFYUI_OLDEST_PYTHON", None, None),
    "0.33.0": ("COMFYUI_CURRENT_PATH", "COMFYUI_CURRENT_PYTHON", None, None),
    "0.33.0+fe-newest": ("COMFYUI_CURRENT_PATH", "COMFYUI_CURRENT_PYTHON", "COMFYUI_FRONTEND_NEWEST",
                         "COMFYUI_MANAGER_NEWEST"),
}  # fmt: skip


@dataclass(frozen=True)
class Host:
    """A ComfyUI to run packs on: its name, whether it serves the newest front end instead of the one it pins, and
    how packs are installed there: with `git clone` (manager None), or with ComfyUI-Manager's cm-cli from the
    host's venv ("pinned") or the newest cm-cli ("newest"). Its tree and Python come from ``given`` (a user's own
    ComfyUI), from the environment (what scripts/comfyui-env.sh printed), or, on first use, from
    `scripts/comfyui-env.sh host <name>`, which provisions only this host if the cache lacks it."""

    name: str
    newest_front_end: bool = False
    installs_with: str | None = None
    given: tuple = ()

    @functools.cached_property
    def paths(self) -> dict:
        if self.given:
            return dict(zip(("tree", "python", "front_end_root"), self.given, strict=False))
        names = PROVISIONED[self.name]
        env = os.environ
        if not all(env.get(n) for n in names if n):
            out = subprocess.run(["bash", str(SCRIPTS / "comfyui-env.sh"), "host", self.name], capture_output=True,
                                 text=True, timeout=3600)  # fmt: skip
            if out.returncode != 0:
                raise RuntimeError(f"could not provision ComfyUI {self.name}:\n{out.stderr[-3000:]}")
            env = {k: shlex.split(v)[0] for k, _, v in (ln.partition("=") for ln in out.stdout.splitlines()) if v}
        return dict(zip(("tree", "python", "front_end_root", "manager"), (n and env[n] for n in names), strict=True))

    @property
    def tree(self) -> Path:
        return Path(self.paths["tree"])

    @property
    def python(self) -> str:
        return self.paths["python"]

    @property
    def front_end_root(self) -> str | None:
        return self.paths.get("front_end_root") if self.newest_front_end else None

    @property
    def manager(self) -> str | None:
        """None: packs are cloned with git; otherwise cm-cli installs them, from this folder on PYTHONPATH ("": the
        cm-cli in the host's venv)."""
        if self.installs_with is None:
            return None
        return self.paths.get("manager") or ""

    @property
    def renamed(self) -> bool:
        """Packs go into a renamed folder on the newest front end, as Manager and registry installs rename."""
        return self.newest_front_end


def hosts(env=os.environ) -> list[Host]:
    """The hosts the real tier runs every combination on.

    Provisioned (scripts/comfyui-env.sh, on first use): ComfyUI 0.3.75 with its front end, 0.33.0 with its front
    end, and 0.33.0 with the newest front end; on 0.33.0, packs are installed with cm-cli (4.2.2, the version
    0.33.0 pins, and with the newest front end the newest, 4.3), on 0.3.75 with git. With a user's own
    COMFYUI_PATH: that ComfyUI with its own front end, and with the newest one too when COMFYUI_FRONTEND_NEWEST
    is set.
    """
    if env.get("COMFYUI_PATH"):
        own = (env["COMFYUI_PATH"], env.get("COMFYUI_PYTHON") or "python3")
        newest = env.get("COMFYUI_FRONTEND_NEWEST")
        return [Host("own", given=own)] + ([Host("own+newest-fe", True, given=(*own, newest))] if newest else [])
    return [Host("0.3.75"), Host("0.33.0", installs_with="pinned"),
            Host("0.33.0+fe-newest", newest_front_end=True, installs_with="newest")]  # fmt: skip


def missing(what: str):
    """Skip a real-tier test whose parts are missing; in CI, which must run it, fail."""
    import pytest

    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must run the real tier: use scripts/test.sh)")
    pytest.skip(what)


def git(*args, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean(log: str) -> str:
    """A ComfyUI log without colours and level tags, so 0.3.75's and 0.33.0's read the same."""
    return LEVEL_TAG.sub("", ANSI.sub("", log))


class ComfyUI:
    """A ComfyUI server with its own base directory (custom_nodes, user, input, output) and port."""

    def __init__(self, host: Host, base: Path, args=()):
        self.host, self.base = host, Path(base)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = list(args) + (["--front-end-root", host.front_end_root] if host.front_end_root else [])
        self.log_path = self.base / "comfyui.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 300) -> ComfyUI:
        (self.base / "custom_nodes").mkdir(parents=True, exist_ok=True)
        settings = self.base / "user" / "default" / "comfy.settings.json"
        if not settings.exists():  # skip the first-run tutorial in the browser
            settings.parent.mkdir(parents=True, exist_ok=True)
            settings.write_text(json.dumps({"Comfy.TutorialCompleted": True}))
        cmd = [
            self.host.python, "main.py", "--cpu", "--listen", "127.0.0.1", "--port", str(self.port),
            "--base-directory", str(self.base), "--database-url", f"sqlite:///{self.base / 'comfyui.db'}",
            "--disable-api-nodes", *self.args,
        ]  # fmt: skip
        with open(self.log_path, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                cmd,
                cwd=self.host.tree,
                stdout=log,
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

    def __enter__(self) -> ComfyUI:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def log(self) -> str:
        return clean(self.log_path.read_text(encoding="utf-8", errors="replace")) if self.log_path.exists() else ""

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """(status, parsed JSON or raw bytes); HTTP errors are returned, not raised."""
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})  # noqa: S310
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 (our own http:// URL)
                status, data, ctype = resp.status, resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            status, data, ctype = err.code, err.read(), err.headers.get("Content-Type", "")
        return status, json.loads(data) if "json" in ctype else data

    def get(self, path: str, headers: dict | None = None):
        return self.request("GET", path, None, headers)

    def post_json(self, path: str, payload, headers: dict | None = None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return self.request("POST", path, body, {"Content-Type": "application/json", **(headers or {})})

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
    """Every Python traceback in a (clean) log, each as one block of text."""
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


def ui_to_api(workflow: dict, object_info: dict, widget_types: frozenset[str] = frozenset()) -> dict:
    """A UI-format workflow (what the browser saves) in the API format /prompt takes; ``widget_types``: the
    input types that a pack's front end gives a widget, besides ComfyUI's own."""
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
            if not (isinstance(kind, list) or kind in WIDGET_TYPES | widget_types) or options.get("forceInput"):
                continue
            value = next(values, None)
            if options.get("control_after_generate"):
                next(values, None)  # the front end stores the control mode right after the value
            if name not in linked and value is not None:
                inputs[name] = value
        prompt[str(node["id"])] = {"class_type": node["type"], "inputs": inputs}
    return prompt
