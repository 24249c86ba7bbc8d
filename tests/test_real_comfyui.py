"""The real tier: every combination installed into a real ComfyUI and opened in a real Chromium, on each host.

The hosts (tests/comfyui.py, ``hosts()``): ComfyUI 0.3.75 with the front end it pins, 0.33.0 with the
front end it pins, and 0.33.0 with the newest front end, the pack in a renamed folder there
(scripts/test.sh provisions all three; a user's own COMFYUI_PATH replaces them). Per combination and
host: the pack, baked and committed once, is `git clone`d into custom_nodes/, its requirements are
installed with the host's Python, ComfyUI starts; then the start-up log, /object_info, the example
workflow through /prompt, the workflow-template listing, the routes, the JavaScript in Chromium (and,
from the page, the node's result or websocket message), the pack's own real test (once per ComfyUI
tree), and ComfyUI is stopped and checked to be gone. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from comfyui import ComfyUI, Host, hosts, tracebacks, ui_to_api
from matrix import NODE_IDS, TEMPLATE, combo_id

pytestmark = pytest.mark.real

HOSTS = hosts()
ARTIFACTS = TEMPLATE / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]  # fmt: skip
RED_INVERTED = (0, 255, 255)  # the example workflows invert a red Empty Image

# What /object_info must say about each node: required inputs (name: type) and outputs.
PROMISED = {
    "InvertImage": ({"image": "IMAGE", "strength": "FLOAT"}, ["IMAGE"]),
    "ImageStats": ({"image": "IMAGE"}, ["STRING"]),
    "ApplyPreset": ({"image": "IMAGE", "preset": "COMBO"}, ["IMAGE"]),
}


def missing(what: str):
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must run the real tier: use scripts/test.sh)")
    pytest.skip(what)


@pytest.fixture(scope="session", params=HOSTS or [None], ids=[h.name for h in HOSTS] or ["no-host"])
def host(request) -> Host:
    if request.param is None or not (request.param.tree / "main.py").exists():
        missing("no ComfyUI to run: set COMFYUI_PATH, or let scripts/test.sh provision them")
    return request.param


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        missing(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Served:
    def __init__(self, pack, host: Host, server: ComfyUI, folder: str):
        self.pack, self.host, self.server, self.folder = pack, host, server, folder
        self.answers = pack.answers
        self.ids = {f"{self.answers['node_prefix']}_{n}" for n in NODE_IDS[self.answers["node_category"]]}

    def mentions_pack(self, text: str) -> bool:
        a = self.answers
        return any(k in text for k in (self.folder, a["js_prefix"] + ".", a["node_prefix"] + "_", a["route_prefix"]))


def git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture(scope="session")
def repo(pack, tmp_path_factory) -> Path:
    """The pack as its author pushes it: one git repository per combination, cloned by every host."""
    source = pack.copy(tmp_path_factory.mktemp("repo"))
    git("init", "-q", "-b", "main", cwd=source)
    git("add", "-A", cwd=source)
    git("commit", "-q", "-m", "Initial commit", cwd=source)
    return source


@pytest.fixture(scope="session")
def served(pack, host, repo, tmp_path_factory):
    base = tmp_path_factory.mktemp(f"comfyui-{host.name}")
    # Manager and registry installs rename folders; the newest front end gets the pack in a renamed one.
    folder = f"ComfyUI-Renamed_{pack.answers['project_slug']}" if host.renamed else pack.answers["project_slug"]
    git("clone", "-q", str(repo), str(base / "custom_nodes" / folder), cwd=base)
    install = subprocess.run(
        [host.python, "-m", "pip", "install", "-q", "-r", "requirements.txt"],
        cwd=base / "custom_nodes" / folder, capture_output=True, text=True,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    server = ComfyUI(host, base).start()
    yield Served(pack, host, server, folder)
    server.stop()


def test_pack_imports_without_failure_or_traceback(served):
    line = served.server.import_line(served.folder)
    assert line is not None and "IMPORT FAILED" not in line, served.server.log()[-5000:]
    assert [t for t in tracebacks(served.server.log()) if served.folder in t] == []


def test_object_info_lists_exactly_the_promised_nodes(served):
    info = served.server.object_info()
    ours = {k for k, v in info.items() if v["python_module"] == f"custom_nodes.{served.folder}"}
    assert ours == served.ids
    for node_id in ours:
        inputs, outputs = PROMISED[node_id.split("_", 1)[1]]
        node = info[node_id]
        got = {
            name: spec[0] if isinstance(spec[0], str) else "COMBO" for name, spec in node["input"]["required"].items()
        }
        assert got == inputs and node["output"] == outputs, node_id
        assert node["category"] == f"{served.answers['registry_name']}/image" and node["display_name"]


def test_example_workflow_runs_through_prompt(served):
    if not served.ids:  # a client-only pack ships no workflow
        assert "example_workflows/example.json" not in served.pack.files()
        return
    from PIL import Image

    workflow = json.loads(served.pack.read("example_workflows/example.json"))
    prompt = ui_to_api(workflow, served.server.object_info())
    entry = served.server.wait(served.server.queue(prompt))
    assert entry["status"]["status_str"] == "success", entry["status"]
    status, png = served.server.get("/view?" + urllib.parse.urlencode(entry["outputs"]["3"]["images"][0]))
    assert status == 200 and Image.open(io.BytesIO(png)).convert("RGB").getpixel((5, 5)) == RED_INVERTED
    if served.answers["node_category"] == "independent":
        assert "mean 0.000 1.000 1.000" in entry["outputs"]["4"]["text"][0]


def test_example_workflow_is_a_workflow_template(served):
    status, templates = served.server.get("/workflow_templates")
    assert status == 200
    if not served.ids:
        assert served.folder not in templates
        return
    assert templates[served.folder] == ["example"]
    status, body = served.server.get(f"/api/workflow_templates/{served.folder}/example.json")
    body = json.loads(body) if isinstance(body, bytes) else body
    assert status == 200 and body == json.loads(served.pack.read("example_workflows/example.json"))


def test_routes_answer_and_refuse_bad_requests(served):
    route = "/" + served.answers["route_prefix"]
    if served.answers["node_category"] != "connected":  # no routes: ComfyUI's own 404
        assert served.server.get(f"{route}/presets")[0] == 404
        return
    for prefix in ("", "/api"):
        status, body = served.server.get(f"{prefix}{route}/presets")
        assert status == 200 and {"name": "soft", "strength": 0.5} in body["presets"]
    status, body = served.server.post_json(f"{route}/presets", b"{oops")
    assert status == 400 and "JSON" in body["error"]
    status, body = served.server.get(f"{route}/presets/..%2F..%2F..%2Fpyproject")
    assert status == 400 and body["error"]


def test_javascript_is_listed_and_served(served):
    status, scripts = served.server.get("/extensions")
    ours = [s for s in scripts if s.startswith(f"/extensions/{served.folder}/")]
    if served.answers["node_category"] == "server":
        assert ours == []
        return
    files = ["main.js"] if served.answers["frontend"] == "js" else ["dist/main.js", "pack.js"]
    assert sorted(ours) == [f"/extensions/{served.folder}/{f}" for f in files]
    assert all(served.server.get(url)[0] == 200 for url in ours)
    if served.answers["frontend"] != "js":  # the stylesheet the built module links (not an extension itself)
        status, css = served.server.get(f"/extensions/{served.folder}/dist/main.css")
        assert status == 200 and b"font-weight:700" in css


def test_front_end_in_chromium(served, browser):
    check_front_end(served, browser)


def check_front_end(served, browser) -> None:
    a = served.answers
    category, js = a["node_category"], a["js_prefix"]
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.goto(served.server.url)
    page.wait_for_function("() => window.comfyAPI?.app?.app?.graph && window.LiteGraph", timeout=60_000)
    app = "window.comfyAPI.app.app"
    for node_id in served.ids:  # the pack's nodes reach the front end's node registry
        page.wait_for_function(f"() => !!window.LiteGraph.registered_node_types[{json.dumps(node_id)}]", timeout=30_000)
    if category != "server":
        names = page.evaluate(f"() => {app}.extensions.map(e => e.name)")
        assert names.count(f"{js}.Example") == 1, names  # registered exactly once
        tab = f"{js}.Example.Sidebar"  # registered in setup(): wait for it
        page.wait_for_function(f"() => {app}.extensionManager.getSidebarTabs().some(t => t.id === '{tab}')")
        setting = page.evaluate(f"() => {app}.extensionManager.setting.get('{js}.Example.Greeting')")
        assert setting == "Hello from ComfyUI!"
        command = f"{js}.Example.SayHello"
        assert page.evaluate(f"() => {app}.extensionManager.command.commands.some(c => c.id === '{command}')")
    if served.ids:  # load the example from the server, queue it from the page, see it run
        before = len(served.server.get("/history")[1])
        page.evaluate(
            f"""async (url) => {{
                const wf = await (await fetch(url)).json();
                await {app}.loadGraphData(wf);
                // a size not run before, so ComfyUI executes the nodes instead of answering from its cache
                {app}.graph.getNodeById(1).widgets.find(w => w.name === "width").value = 72;
                await {app}.queuePrompt(0, 1);
            }}""",
            f"/api/workflow_templates/{served.folder}/example.json",
        )
        entry = _wait_for_new_history_entry(served.server, before)
        assert entry["status"]["status_str"] == "success", entry["status"]
    if category in ("independent", "connected"):  # the node shows its result / the pack's message
        node_id, expected = (4, "mean 0.000 1.000 1.000") if category == "independent" else (2, "Applied preset full")
        page.wait_for_function(
            f"""() => {app}.graph.getNodeById({node_id})?.widgets?.some(
                   w => w.name === '{js}_text' && (w.element?.textContent || '').includes({json.dumps(expected)}))""",
            timeout=60_000,
        )
        # Server data is shown as text, never parsed as HTML (a result or message carrying markup).
        payload = '<img src=x onerror="window.__pwned=1">'
        if category == "independent":
            page.evaluate(f"(p) => {app}.graph.getNodeById(4).onExecuted({{ text: [p] }})", payload)
        else:
            event = f"{a['route_prefix']}.preset_applied"
            page.evaluate(
                f"(p) => window.comfyAPI.api.api.dispatchEvent(new CustomEvent({json.dumps(event)}, "
                "{ detail: { node: '2', preset: p, strength: 1 } }))",
                payload,
            )
        shown = page.evaluate(
            f"""() => {{ const w = {app}.graph.getNodeById({node_id}).widgets.find(w => w.name === '{js}_text');
                         return [w.element.textContent, w.element.querySelectorAll('img').length]; }}"""
        )
        page.wait_for_timeout(300)
        assert payload in shown[0] and shown[1] == 0
        assert page.evaluate("() => window.__pwned") is None
    if category != "server":
        # A real key press on the keybinding runs the command, whose toast shows the greeting.
        page.evaluate(f"() => {app}.graph.clear()")
        page.mouse.click(900, 500)  # focus the (now empty) canvas
        page.keyboard.press("Control+Alt+t")
        page.wait_for_function("() => document.body.textContent.includes('Hello from ComfyUI!')", timeout=10_000)
        # Clicking the sidebar tab renders it (for connected packs: with the presets read through the route).
        page.locator(f"button.side-bar-button[aria-label={json.dumps(a['project_name'])}]").click()
        page.wait_for_function(
            f"() => [...document.querySelectorAll('h3')].some(h => h.textContent === {json.dumps(a['project_name'])})"
        )
        if category == "connected":
            page.wait_for_function(
                "() => document.querySelector('ul[data-role=presets]')?.textContent.includes('full: 1')"
            )
        # The tab's component reacts to a click: its button says hello and counts, in the pack's (bold) style.
        page.get_by_role("button", name="Say hello", exact=True).click()
        page.wait_for_function(
            """() => { const c = document.querySelector('[data-role=count]');
                       return c?.textContent === 'Said hello 1 time.' && getComputedStyle(c).fontWeight === '700'; }"""
        )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = combo_id({k: a[k] for k in ("node_category", "node_api", "frontend")})
    page.screenshot(path=str(ARTIFACTS / f"{name}-{served.host.name}.png"))
    context.close()
    assert [e for e in errors if served.mentions_pack(e)] == []


def _wait_for_new_history_entry(server, before: int, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        history = server.get("/history")[1]
        done = [e for e in history.values() if e.get("status", {}).get("completed") is not None]
        if len(done) > before:
            return list(history.values())[-1]
        time.sleep(0.2)
    raise TimeoutError("the workflow queued from the page did not finish")


def test_packs_own_real_test_passes(served, tmp_path):
    """The generated tests/test_comfyui.py (and the V3 node tests), run as the pack's author would, once per
    ComfyUI tree."""
    host = served.host
    if host.front_end_root:
        pytest.skip("the pack's own real test runs once per ComfyUI tree, with the front end that tree pins")
    copy = served.pack.copy(tmp_path)
    report = tmp_path / "report.xml"
    env = {**os.environ, "COMFYUI_PATH": str(host.tree), "COMFYUI_PYTHON": host.python, "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [host.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=copy, capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    suite = ET.parse(report).getroot().find("testsuite")  # noqa: S314 (the report pytest just wrote)
    ran = {case.get("classname").split(".")[-1] for case in suite.iter("testcase")}
    assert int(suite.get("skipped")) == 0 and int(suite.get("failures")) == 0 and int(suite.get("errors")) == 0
    assert "test_comfyui" in ran
    print(f"{served.folder} [{served.answers['node_category']}/{served.answers['node_api']}] own tests in "
          f"ComfyUI {host.name}: {out.stdout.strip().splitlines()[-1]}")  # fmt: skip


def test_stopping_comfyui_leaves_nothing_running(served):
    served.server.stop()
    assert served.server.process.poll() is not None
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", served.server.port)) != 0
