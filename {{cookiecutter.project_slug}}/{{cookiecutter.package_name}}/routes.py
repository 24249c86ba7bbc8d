"""HTTP routes and websocket messages of {{ cookiecutter.registry_name }}.

ComfyUI serves each route at ``/{{ cookiecutter.route_prefix }}/...`` and again under ``/api/...`` (what the
front end's ``api.fetchApi`` calls). Every answer is JSON; bad requests get a 4xx with an ``error`` message.

These features need a browser connected to ComfyUI: a workflow queued through the API mode runs the
nodes, but nobody receives the websocket messages.
"""

from __future__ import annotations

import json
import logging
import sys

from aiohttp import web

from . import presets

logger = logging.getLogger(__name__)

PREFIX = "/{{ cookiecutter.route_prefix }}"
PRESET_APPLIED = "{{ cookiecutter.route_prefix }}.preset_applied"
MAX_BODY_BYTES = 4096


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def list_presets(request: web.Request) -> web.Response:
    found = []
    for name in presets.names():
        try:
            found.append(presets.load(name))
        except (OSError, ValueError):  # a damaged file: leave it out rather than fail the list
            logger.warning("skipping unreadable preset %s", name)
    return web.json_response({"presets": found})


async def get_preset(request: web.Request) -> web.Response:
    try:
        return web.json_response(presets.load(request.match_info["name"]))
    except presets.PresetError as exc:
        return _error(400, str(exc))
    except FileNotFoundError:
        return _error(404, "no such preset")


async def save_preset(request: web.Request) -> web.Response:
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        return _error(413, f"body larger than {MAX_BODY_BYTES} bytes")
    body = await request.content.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return _error(413, f"body larger than {MAX_BODY_BYTES} bytes")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return _error(400, "body must be JSON")
    if not isinstance(data, dict) or set(data) != {"name", "strength"}:
        return _error(400, 'body must be a JSON object with exactly "name" and "strength"')
    try:
        saved = presets.save(data["name"], data["strength"])
    except presets.PresetError as exc:
        return _error(400, str(exc))
    logger.info("saved preset %s", saved["name"])
    return web.json_response(saved, status=201)


async def not_found(request: web.Request) -> web.Response:
    return _error(404, f"unknown route {request.method} {request.path}")


def add_routes(routes: web.RouteTableDef) -> None:
    """Register the pack's routes on ``routes`` (ComfyUI's table, or a test's)."""
    routes.get(f"{PREFIX}/presets")(list_presets)
    routes.post(f"{PREFIX}/presets")(save_preset)
    routes.get(PREFIX + "/presets/{name}")(get_preset)
    routes.route("*", PREFIX + "/{tail:.*}")(not_found)  # last: anything else under the prefix


def send_to_client(event: str, data: dict) -> None:
    """Send ``data`` to the browser that queued the running workflow (no one else)."""
    if _server is None:
        logger.debug("not running inside ComfyUI; %s not sent", event)
        return
    _server.send_sync(event, data, sid=_server.client_id)


# Register at import time: ComfyUI mounts its route table after every pack has loaded. Inside ComfyUI,
# `server` is imported and PromptServer.instance exists before any pack loads; in unit tests neither is
# true (and importing ComfyUI's server module there would start loading its model management).
_server = getattr(getattr(sys.modules.get("server"), "PromptServer", None), "instance", None)
if _server is not None:
    add_routes(_server.routes)
