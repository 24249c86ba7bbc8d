"""The pack's HTTP routes, served by aiohttp's test server: no ComfyUI needed."""

import asyncio
import json
import shutil

import pytest

pytest.importorskip("aiohttp", reason="needs aiohttp: pip install -e '.[dev]'")

from aiohttp import web  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from {{ cookiecutter.package_name }} import presets, routes  # noqa: E402

PREFIX = "/{{ cookiecutter.route_prefix }}"


@pytest.fixture
def presets_dir(tmp_path, monkeypatch):
    folder = tmp_path / "pack" / "presets"
    shutil.copytree(presets.PRESETS_DIR, folder)
    monkeypatch.setattr(presets, "PRESETS_DIR", folder)
    return folder


def call(method: str, path: str, **kwargs):
    """Send one request to a fresh app holding the pack's routes; return (status, JSON body)."""

    async def go():
        table = web.RouteTableDef()
        routes.add_routes(table)
        app = web.Application()
        app.add_routes(table)
        async with TestClient(TestServer(app)) as client:
            response = await client.request(method, path, **kwargs)
            return response.status, await response.json()

    return asyncio.run(go())


def test_list_presets(presets_dir):
    status, body = call("GET", f"{PREFIX}/presets")
    assert status == 200
    assert {"name": "soft", "strength": 0.5} in body["presets"]


def test_get_one_preset(presets_dir):
    assert call("GET", f"{PREFIX}/presets/full") == (200, {"name": "full", "strength": 1.0})


def test_save_then_read_back(presets_dir):
    status, body = call("POST", f"{PREFIX}/presets", json={"name": "mine_1", "strength": 0.25})
    assert (status, body) == (201, {"name": "mine_1", "strength": 0.25})
    assert json.loads((presets_dir / "mine_1.json").read_text()) == {"strength": 0.25}
    assert call("GET", f"{PREFIX}/presets/mine_1")[1]["strength"] == 0.25


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": b"{not json"},
        {"data": b"\xff\xfe"},
        {"json": ["name", "strength"]},
        {"json": {"name": "x"}},
        {"json": {"name": "x", "strength": 0.5, "extra": 1}},
        {"json": {"name": "x", "strength": "0.5"}},
        {"json": {"name": "x", "strength": True}},
        {"json": {"name": "x", "strength": 1.5}},
        {"json": {"name": 7, "strength": 0.5}},
        {"json": {"name": "", "strength": 0.5}},
        {"json": {"name": "../escape", "strength": 0.5}},
        {"json": {"name": "/etc/passwd", "strength": 0.5}},
        {"json": {"name": "a" * 65, "strength": 0.5}},
    ],
)
def test_bad_saves_get_400_with_a_message_and_write_nothing(presets_dir, kwargs):
    before = sorted(p.name for p in presets_dir.parent.rglob("*"))
    status, body = call("POST", f"{PREFIX}/presets", **kwargs)
    assert status == 400 and body["error"]
    assert sorted(p.name for p in presets_dir.parent.rglob("*")) == before


def test_oversized_body_gets_413(presets_dir):
    status, body = call("POST", f"{PREFIX}/presets", data=b"x" * (routes.MAX_BODY_BYTES + 1))
    assert status == 413 and "larger" in body["error"]


@pytest.mark.parametrize("name", ["..%2Fsecret", "%2Fetc%2Fpasswd", "bad.name", "a%00b"])
def test_reading_outside_the_presets_folder_is_refused(presets_dir, name):
    (presets_dir.parent / "secret.json").write_text('{"strength": 0.1}')
    status, body = call("GET", f"{PREFIX}/presets/{name}")
    assert status in (400, 404) and "error" in body
    assert "0.1" not in json.dumps(body)


def test_unknown_preset_and_unknown_route_get_json_404(presets_dir):
    assert call("GET", f"{PREFIX}/presets/nope")[0] == 404
    status, body = call("DELETE", f"{PREFIX}/anything/else")
    assert status == 404 and "unknown route" in body["error"]


def test_send_to_client_outside_comfyui_is_a_no_op():
    routes.send_to_client(routes.PRESET_APPLIED, {"node": "1"})
