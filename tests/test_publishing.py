"""Shipping safely: the publish job decides right on real git histories, its actions are pinned to commits, the
registry's verdict is read as its OpenAPI description says, and the pack's tests refuse dependencies that would
break the ComfyUI they are installed into."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from comfyui import git
from conftest import COMBOS, bake_fixture
from matrix import effective

actions_pack = bake_fixture([c for c in COMBOS if effective(c) == c and c["github_actions"] == "yes"
                             and c["node_category"] == "connected" and c["frontend"] != "js"][:1])  # fmt: skip
ZERO = "0" * 40


class History:
    """A pack's repository as a CI runner sees it after a push: commits on main, maybe tags."""

    def __init__(self, root: Path, script: Path):
        self.root, self.script = root, script
        git("init", "-q", "-b", "main", cwd=root)

    def commit(self, version: str, note: str = "") -> str:
        (self.root / "pyproject.toml").write_text(f'[project]\nname = "p"\nversion = "{version}"\n', encoding="utf-8")
        (self.root / "notes.txt").write_text(note or version, encoding="utf-8")
        git("add", "-A", cwd=self.root)
        git("commit", "-q", "--allow-empty", "-m", f"{version} {note}", cwd=self.root)
        return git("rev-parse", "HEAD", cwd=self.root).stdout.strip()

    def decide(self, before: str, has_token: bool = True) -> tuple[dict, str]:
        out = subprocess.run([sys.executable, self.script, before], cwd=self.root, capture_output=True, text=True,
                             env={**os.environ, "HAS_TOKEN": "true" if has_token else "false"})  # fmt: skip
        assert out.returncode == 0, out.stderr
        return dict(line.split("=", 1) for line in out.stdout.split()), out.stderr


@pytest.fixture
def history(actions_pack, tmp_path) -> History:
    return History(tmp_path, actions_pack.path / ".github" / "release.py")


def test_a_bump_is_published_once_whatever_the_push_holds(history):
    start = history.commit("0.1.0")
    history.commit("0.2.0")
    assert history.decide(start)[0] == {"version": "0.2.0", "publish": "true"}  # one commit with a bump
    history.commit("0.2.0", "docs")
    assert history.decide(start)[0] == {"version": "0.2.0", "publish": "true"}  # a bump, then another commit
    pushed = history.commit("0.3.0")
    assert history.decide(start)[0] == {"version": "0.3.0", "publish": "true"}  # two bumps: the last one
    history.commit("0.3.0", "fix")
    decided, why = history.decide(pushed)
    assert decided["publish"] == "false" and "the same as in" in why  # no bump since the push started
    git("tag", "v0.3.0", cwd=history.root)  # what the job does after publishing
    decided, why = history.decide(start)
    assert decided["publish"] == "false" and "published already" in why  # a re-run of the same push
    assert history.decide("")[0]["publish"] == "false"  # a manual run, once it is published


def test_a_first_push_publishes_only_with_the_token(history):
    history.commit("0.1.0")
    assert history.decide(ZERO)[0] == {"version": "0.1.0", "publish": "true"}
    decided, why = history.decide(ZERO, has_token=False)
    assert decided["publish"] == "false" and "no REGISTRY_ACCESS_TOKEN" in why
    assert history.decide("")[0]["publish"] == "true"  # a manual run of an unpublished version


def test_a_force_push_compares_with_the_parent_when_the_old_head_is_gone(history):
    history.commit("0.1.0")
    gone = "1234567890abcdef1234567890abcdef12345678"
    history.commit("0.2.0")
    decided, why = history.decide(gone)
    assert decided == {"version": "0.2.0", "publish": "true"} and "the parent commit" in why
    history.commit("0.2.0", "rewritten")
    assert history.decide(gone)[0]["publish"] == "false"


def test_the_job_runs_after_the_tests_on_main_only_and_tags_what_it_published(actions_pack):
    import yaml

    workflow = yaml.safe_load(actions_pack.read(".github/workflows/tests.yml"))
    job = workflow["jobs"]["publish"]
    assert set(job["needs"]) == set(workflow["jobs"]) - {"publish"}  # every test job of the same commit
    assert "refs/heads/main" in job["if"] and "fork == false" in job["if"] and job["environment"] == "registry"
    steps = [s.get("name", s.get("uses", "")) for s in job["steps"]]
    assert (
        steps.index("Publish")
        < steps.index("Tag the published commit")
        < steps.index("The registry's verdict on the version")
    )
    token_steps = [s["name"] for s in job["steps"] if "REGISTRY_ACCESS_TOKEN }}" in json.dumps(s.get("env", {}))]
    assert token_steps == ["Publish"]  # the token meets comfy-cli alone, installed in the step before


# Every action the workflows use, pinned to the commit its tag named when looked up in the action's own
# repository (a tag can move; a commit cannot). .github/dependabot.yml proposes updates.
PINS = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/setup-node": ("820762786026740c76f36085b0efc47a31fe5020", "v7.0.0"),
}


def test_every_action_is_pinned_to_a_known_commit_with_its_tag(pack):
    if pack.answers["github_actions"] != "yes":
        pytest.skip("a pack made with github_actions=no has no workflows")
    uses = re.findall(r"uses: (\S+)(.*)", pack.read(".github/workflows/tests.yml"))
    assert uses
    for action, comment in uses:
        name, _, ref = action.partition("@")
        assert (ref, comment.strip()) == (PINS[name][0], f"# {PINS[name][1]}"), action


def test_a_pack_without_workflows_never_names_them(pack):
    if pack.answers["github_actions"] == "yes":
        pytest.skip("this pack has workflows")
    for rel in pack.files():
        text = pack.read(rel) if not rel.endswith((".svg", ".js", ".css")) else ""
        assert ".github/" not in text and "workflow_dispatch" not in text, rel


# The registry's answers for a version, as its OpenAPI description (the copy comfy-cli ships) defines them.
def openapi() -> dict:
    import comfy_cli

    spec = Path(comfy_cli.__file__).parent / "command" / "generate" / "spec" / "openapi.yml"
    return json.loads(spec.read_text(encoding="utf-8"))


STATUSES = openapi()["components"]["schemas"]["NodeVersionStatus"]["enum"]
OUTCOMES = {"Active": (0, "is active"), "Pending": (0, "warning: "), "Flagged": (1, "is flagged: unsafe code"),
            "Banned": (1, "is banned: unsafe code"), "Deleted": (1, "is deleted: unsafe code")}  # fmt: skip


class Registry(http.server.BaseHTTPRequestHandler):
    """Answers GET /nodes/<id>/versions/<version> with a NodeVersion, as the registry's description says."""

    answers: list = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        status = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        node_id, version = re.fullmatch(r"/nodes/([^/]+)/versions/([^/]+)", self.path).groups()
        if status is None:
            self.send_response(404)
            self.end_headers()
            return
        props = openapi()["components"]["schemas"]["NodeVersion"]["properties"]
        body = {"id": "1", "node_id": node_id, "version": version, "status": status, "status_reason": "unsafe code"}
        assert set(body) <= set(props)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(body).encode())

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("answers", [[s] for s in STATUSES] + [[None, "NodeVersionStatusPending",
                                                                  "NodeVersionStatusActive"]], ids=str)  # fmt: skip
def test_the_registrys_verdict_after_publishing(actions_pack, answers):
    assert {s.removeprefix("NodeVersionStatus") for s in STATUSES} == set(OUTCOMES)  # every status has a meaning
    handler = type("Answers", (Registry,), {"answers": list(answers)})
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        api = f"http://127.0.0.1:{server.server_address[1]}"
        out = subprocess.run([sys.executable, "tests/publish_check.py", "--status", "1.2.3", "--api", api,
                              "--wait", "1", "--every", "0.05"], cwd=actions_pack.path, capture_output=True,
                             text=True, env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"})  # fmt: skip
        server.shutdown()
    code, said = OUTCOMES[answers[-1].removeprefix("NodeVersionStatus")]
    assert (out.returncode, said in out.stderr) == (code, True), out.stderr


@pytest.fixture
def guarded(actions_pack, tmp_path) -> functools.partial:
    """The pack's own test_pack.py, on a copy with ``requirements`` in requirements.txt and pyproject.toml."""
    pack = actions_pack.copy(tmp_path)

    def run(requirements: list[str], code: str = "") -> subprocess.CompletedProcess:
        (pack / "requirements.txt").write_text("".join(f"{r}\n" for r in requirements), encoding="utf-8")
        pyproject = pack / "pyproject.toml"
        text = re.sub(r"(?m)^dependencies = \[.*\]$", f"dependencies = {json.dumps(requirements)}",
                      pyproject.read_text(encoding="utf-8"))  # fmt: skip
        pyproject.write_text(text, encoding="utf-8")
        (pack / actions_pack.answers["__package_name"] / "extra.py").write_text(code, encoding="utf-8")
        return actions_pack.run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_pack.py",
                                cwd=pack)  # fmt: skip

    return run


@pytest.mark.parametrize(
    "requirement, why",
    [
        ("torch==2.4.0", "come with ComfyUI, built for the user's GPU"),
        ("xformers", "come with ComfyUI"),
        ("numpy<2", "ComfyUI itself requires numpy and sets its version"),
        ("Pillow==10.0", "ComfyUI itself requires pillow"),
        ("--extra-index-url https://download.pytorch.org/whl/cu121", "list packages only"),
        ("-r other.txt", "list packages only"),
    ],
)
def test_the_packs_tests_refuse_a_dependency_that_breaks_comfyui(guarded, requirement, why):
    out = guarded([requirement])
    assert out.returncode == 1 and why in out.stdout, out.stdout[-3000:]


def test_the_packs_tests_accept_ordinary_dependencies_and_refuse_installing_from_code(guarded):
    assert guarded(["opencv-python-headless>=4.8", "numpy", "rich"]).returncode == 0
    out = guarded([], "import subprocess\n\nsubprocess.run(['pip', 'install', 'x'])\n")
    assert out.returncode == 1 and "extra.py imports ['subprocess']" in out.stdout, out.stdout[-3000:]
