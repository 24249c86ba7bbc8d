"""The pack's HTTP routes and its presets, served by aiohttp's test server: no ComfyUI needed."""

import asyncio
import json

import pytest

pytest.importorskip("aiohttp", reason="needs aiohttp: run the tests with the Python that runs ComfyUI")

from aiohttp import web  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from {{ cookiecutter.__package_name }} import presets, routes  # noqa: E402

PREFIX = routes.PREFIX


@pytest.fixture(autouse=True)
def users(tmp_path, monkeypatch):
    """Two users' folders, chosen by the Comfy-User header as ComfyUI does with --multi-user."""
    folders = {user: tmp_path / user / presets.FOLDER for user in ("default", "other")}
    monkeypatch.setattr(routes, "user_dir", lambda request: folders[request.headers.get("Comfy-User", "default")])
    return folders


def call(method: str, path: str, user: str = "default", **kwargs):
    """Send one request to a fresh app holding the pack's routes; return (status, JSON body)."""

    async def go():
        table = web.RouteTableDef()
        routes.add_routes(table)
        app = web.Application()
        app.add_routes(table)
        async with TestClient(TestServer(app)) as client:
            response = await client.request(method, path, headers={"Comfy-User": user}, **kwargs)
            return response.status, await response.json()

    return asyncio.run(go())


def test_the_shipped_presets_are_listed():
    status, body = call("GET", f"{PREFIX}/presets")
    assert status == 200 and {"name": "soft", "strength": 0.5} in body["presets"]
    assert call("GET", f"{PREFIX}/presets/full") == (200, {"name": "full", "strength": 1.0})


def test_a_save_goes_to_the_users_folder_and_only_that_user_sees_it(users):
    assert call("POST", f"{PREFIX}/presets", json={"name": "mine_1", "strength": 0.25}) == (
        201,
        {"name": "mine_1", "strength": 0.25},
    )
    assert json.loads((users["default"] / "mine_1.json").read_text(encoding="utf-8")) == {"strength": 0.25}
    assert not (presets.SHIPPED / "mine_1.json").exists()  # the pack's own folder stays as shipped
    assert call("GET", f"{PREFIX}/presets/mine_1")[1]["strength"] == 0.25
    assert call("GET", f"{PREFIX}/presets/mine_1", user="other")[0] == 404
    assert "mine_1" not in json.dumps(call("GET", f"{PREFIX}/presets", user="other")[1])


def test_a_saved_preset_replaces_a_shipped_one_for_its_user_only():
    call("POST", f"{PREFIX}/presets", json={"name": "soft", "strength": 0.75})
    assert call("GET", f"{PREFIX}/presets/soft")[1]["strength"] == 0.75
    assert call("GET", f"{PREFIX}/presets/soft", user="other")[1]["strength"] == 0.5


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
        {"json": {"name": "CON", "strength": 0.5}},
        {"json": {"name": "lpt1", "strength": 0.5}},
    ],
)
def test_bad_saves_get_400_with_a_message_and_write_nothing(tmp_path, kwargs):
    status, body = call("POST", f"{PREFIX}/presets", **kwargs)
    assert status == 400 and body["error"]
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_save_the_os_refuses_gets_a_json_500_and_leaves_no_file(users, monkeypatch):
    def refuse(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(presets.os, "replace", refuse)
    status, body = call("POST", f"{PREFIX}/presets", json={"name": "mine", "strength": 0.5})
    assert status == 500 and body == {"error": "could not save the preset: Permission denied"}
    assert list(users["default"].iterdir()) == []


def test_an_oversized_body_gets_413():
    status, body = call("POST", f"{PREFIX}/presets", data=b"x" * (routes.MAX_BODY_BYTES + 1))
    assert status == 413 and "larger" in body["error"]


@pytest.mark.parametrize("name", ["..%2Fsecret", "%2Fetc%2Fpasswd", "bad.name", "a%00b"])
def test_reading_outside_the_presets_folders_is_refused(users, name):
    (users["default"].parent / "secret.json").parent.mkdir(parents=True, exist_ok=True)
    (users["default"].parent / "secret.json").write_text('{"strength": 0.1}', encoding="utf-8")
    status, body = call("GET", f"{PREFIX}/presets/{name}")
    assert status in (400, 404) and "error" in body and "0.1" not in json.dumps(body)


def test_unknown_presets_routes_and_users_get_json_errors():
    assert call("GET", f"{PREFIX}/presets/nope")[0] == 404
    status, body = call("DELETE", f"{PREFIX}/anything/else")
    assert status == 404 and "unknown route" in body["error"]
    assert call("GET", f"{PREFIX}/presets", user="stranger") == (403, {"error": "unknown user"})


def test_the_nodes_use_the_shipped_presets_until_told_where_saved_ones_are(tmp_path):
    assert {"full", "soft"} <= set(presets.names(None))
    assert presets.check_name("soft", None) is True
    assert "unknown preset 'mine'" in str(presets.check_name("mine", None))
    presets.save("mine", 0.3, tmp_path)
    assert presets.check_name("mine", tmp_path) is True and presets.load("mine", tmp_path)["strength"] == 0.3


def test_send_to_client_outside_comfyui_is_a_no_op():
    routes.send_to_client(routes.PRESET_APPLIED, {"node": "1"})


def test_the_routes_answer_in_comfyui(comfyui):
    """Opt-in (see conftest.py): inside ComfyUI, the pack registered its routes; /api/... is what the page calls."""
    assert {"name": "full", "strength": 1.0} in comfyui.get(f"/api{PREFIX}/presets")["presets"]
