{%- set P = cookiecutter.node_prefix -%}
{%- set cat = cookiecutter.node_category -%}
"""The pack inside a real ComfyUI: it loads without error{% if cat != "client" %}, lists its nodes and runs its example workflow{% endif %}.

Skipped unless COMFYUI_PATH names a ComfyUI checkout; COMFYUI_PYTHON is the Python that runs it (default:
this one). The test starts its own ComfyUI on a free port, with the pack copied into a temporary
custom_nodes folder, and stops it at the end.
"""

{% if cat == "connected" %}import asyncio
{% endif %}
{%- if cat != "client" %}import io
import json
{% endif -%}
import os
{% if cat != "client" %}import urllib.parse
{% endif %}
{%- if cat == "connected" %}import uuid
{% endif -%}
from pathlib import Path

import pytest
from comfyui_harness import ComfyUI, install_pack, tracebacks{% if cat != "client" %}, ui_to_api{% endif %}

PACK_DIR = Path(__file__).resolve().parent.parent
COMFYUI_PATH = os.environ.get("COMFYUI_PATH", "")
NODE_IDS = {% if cat == "client" %}set(){% else %}{"{{ P }}_InvertImage"{% if cat == "independent" %}, "{{ P }}_ImageStats"{% elif cat == "connected" %}, "{{ P }}_ApplyPreset"{% endif %}}{% endif %}

pytestmark = pytest.mark.skipif(not COMFYUI_PATH, reason="set COMFYUI_PATH to a ComfyUI checkout to run these")


@pytest.fixture(scope="module")
def comfy(tmp_path_factory):
    base = tmp_path_factory.mktemp("comfyui")
    install_pack(PACK_DIR, base / "custom_nodes")
    with ComfyUI(COMFYUI_PATH, base, python=os.environ.get("COMFYUI_PYTHON")) as server:
        yield server


def test_pack_imports_without_error(comfy):
    line = comfy.import_line(PACK_DIR.name)
    assert line is not None, "the pack is missing from 'Import times for custom nodes'"
    assert "IMPORT FAILED" not in line, comfy.log()[-5000:]
    assert [t for t in tracebacks(comfy.log()) if PACK_DIR.name in t] == []


def test_object_info_lists_exactly_the_packs_nodes(comfy):
    info = comfy.object_info()
    ours = {node_id for node_id, node in info.items() if node["python_module"] == f"custom_nodes.{PACK_DIR.name}"}
    assert ours == NODE_IDS
{%- if cat != "client" %}
    invert = info["{{ P }}_InvertImage"]
    assert invert["display_name"] == "Invert Image" and invert["category"] == "{{ cookiecutter.registry_name }}/image"
    kind, options = invert["input"]["required"]["strength"]
    assert (kind, options["min"], options["max"], options["default"]) == ("FLOAT", 0.0, 1.0, 1.0)
    assert invert["input"]["required"]["image"][0] == "IMAGE" and invert["output"] == ["IMAGE"]


def example_prompt(comfy, width: int = 64) -> dict:
    """The example workflow in API format; a new width makes ComfyUI run it again instead of using its cache."""
    workflow = json.loads((PACK_DIR / "example_workflows" / "example.json").read_text(encoding="utf-8"))
    prompt = ui_to_api(workflow, comfy.object_info())
    prompt["1"]["inputs"]["width"] = width  # node 1 is Empty Image
    return prompt


def test_example_workflow_runs_and_inverts_the_pixels(comfy):
    image_module = pytest.importorskip("PIL.Image", reason="the pixel check needs Pillow")
    entry = comfy.wait(comfy.queue(example_prompt(comfy)))
    assert entry["status"]["status_str"] == "success", entry["status"]
    preview = entry["outputs"]["3"]["images"][0]  # node 3 is the Preview Image node
    status, png = comfy.get("/view?" + urllib.parse.urlencode(preview))
    assert status == 200
    pixel = image_module.open(io.BytesIO(png)).convert("RGB").getpixel((0, 0))
    assert pixel == (0, 255, 255)  # the red input, inverted
{%- if cat == "independent" %}
    assert "mean 0.000 1.000 1.000" in entry["outputs"]["4"]["text"][0]  # node 4 is Image Stats
{%- endif %}


def test_bad_input_is_refused_with_a_clear_message(comfy):
    prompt = example_prompt(comfy, width=32)
    prompt["2"]["inputs"]["{{ 'preset' if cat == 'connected' else 'strength' }}"] = {{ '"no-such-preset"' if cat == "connected" else "2.0" }}
    status, body = comfy.post_json("/prompt", {"prompt": prompt})
    assert status == 400
    assert "{{ 'unknown preset' if cat == 'connected' else 'between 0 and 1' }}" in json.dumps(body["node_errors"])
    assert comfy.get("/system_stats")[0] == 200


def test_example_is_listed_as_a_workflow_template(comfy):
    status, templates = comfy.get("/workflow_templates")
    assert status == 200 and "example" in templates[PACK_DIR.name]
    status, served = comfy.get(f"/api/workflow_templates/{PACK_DIR.name}/example.json")
    expected = json.loads((PACK_DIR / "example_workflows" / "example.json").read_text(encoding="utf-8"))
    assert status == 200 and (json.loads(served) if isinstance(served, bytes) else served) == expected
{%- endif %}
{%- if cat != "server" %}


def test_javascript_is_served(comfy):
    status, scripts = comfy.get("/extensions")
    url = f"/extensions/{PACK_DIR.name}/{{ 'main.js' if cookiecutter.frontend == 'js' else 'dist/main.js' }}"
    assert status == 200 and url in scripts
    status, body = comfy.get(url)
    assert status == 200 and b"registerExtension" in body
{%- else %}


def test_no_javascript_is_registered(comfy):
    status, scripts = comfy.get("/extensions")
    assert status == 200 and not [s for s in scripts if f"/extensions/{PACK_DIR.name}/" in s]
{%- endif %}
{%- if cat == "connected" %}


ROUTE = "/{{ cookiecutter.route_prefix }}"


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_routes_answer(comfy, prefix):
    status, body = comfy.get(f"{prefix}{ROUTE}/presets")
    assert status == 200 and {"name": "full", "strength": 1.0} in body["presets"]
    assert comfy.get(f"{prefix}{ROUTE}/presets/soft") == (200, {"name": "soft", "strength": 0.5})


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        ("POST", "/presets", b"{not json", 400),
        ("POST", "/presets", b'{"name": "x"}', 400),
        ("POST", "/presets", b'{"name": "x", "strength": "high"}', 400),
        ("POST", "/presets", b'{"name": "../../evil", "strength": 0.5}', 400),
        ("POST", "/presets", b"x" * 5000, 413),
        ("GET", "/presets/..%2F..%2Fpyproject", None, 400),
        ("GET", "/presets/nope", None, 404),
        ("PUT", "/no/such/route", b"{}", 404),
    ],
)
def test_bad_requests_get_a_4xx_with_a_message_and_the_server_keeps_serving(comfy, method, path, body, expected):
    status, answer = comfy.request(method, ROUTE + path, body, {"Content-Type": "application/json"})
    assert status == expected and answer["error"]
    assert comfy.get("/system_stats")[0] == 200


def test_websocket_message_reaches_only_the_submitting_client(comfy):
    aiohttp = pytest.importorskip("aiohttp", reason="the websocket check needs aiohttp")

    async def listen(session, client_id, events, done):
        async with session.ws_connect(f"{comfy.url}/ws?clientId={client_id}") as ws:
            async for msg in ws:
                if msg.type == aiohttp.WSMsgType.TEXT:
                    data = json.loads(msg.data)
                    events.append(data)
                    if data["type"] == "execution_success" or done.is_set():
                        return

    async def run():
        me, other = uuid.uuid4().hex, uuid.uuid4().hex
        mine, theirs, done = [], [], asyncio.Event()
        async with aiohttp.ClientSession() as session:
            tasks = [
                asyncio.create_task(listen(session, me, mine, done)),
                asyncio.create_task(listen(session, other, theirs, done)),
            ]
            await asyncio.sleep(0.5)
            await asyncio.to_thread(comfy.queue, example_prompt(comfy, width=48), me)
            await asyncio.wait_for(tasks[0], 60)
            done.set()
            await asyncio.sleep(0.5)
            tasks[1].cancel()
        return mine, theirs

    mine, theirs = asyncio.run(run())
    applied = [e["data"] for e in mine if e["type"] == "{{ cookiecutter.route_prefix }}.preset_applied"]
    assert applied == [{"node": "2", "preset": "full", "strength": 1.0}]
    assert not [e for e in theirs if e["type"] == "{{ cookiecutter.route_prefix }}.preset_applied"]
{%- endif %}
