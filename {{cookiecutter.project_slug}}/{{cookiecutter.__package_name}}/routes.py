"""The pack's HTTP routes and websocket messages.

ComfyUI serves each route at PREFIX and again under ``/api`` + PREFIX (what the front end's ``api.fetchApi``
calls). Every answer is JSON; bad requests get a 4xx with an ``error`` message.
Presets are read and saved for the user ComfyUI names for the request: the ``Comfy-User`` header with
``--multi-user``, the default user otherwise.

These features need a browser connected to ComfyUI: a workflow queued through the API mode runs the
nodes, but nobody receives the websocket messages.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from aiohttp import web

from . import presets

if TYPE_CHECKING:  # for the type checker only: importing ComfyUI's server needs ComfyUI running
    from server import PromptServer

logger = logging.getLogger(__name__)

PREFIX = "/{{ cookiecutter.__route_prefix }}"
PRESET_APPLIED = "{{ cookiecutter.__route_prefix }}.preset_applied"
MAX_BODY_BYTES = 4096

_server: PromptServer | None = None  # ComfyUI's server, once register() has run


def register() -> None:
    """Serve the routes on ComfyUI's server and tell the nodes where saved presets are.

    The pack's __init__.py calls this while ComfyUI loads the pack, before ComfyUI mounts its routes. ComfyUI's
    modules are imported here, not at the top: the tests import this module without ComfyUI.
    """
    import folder_paths
    from comfy.cli_args import args
    from server import PromptServer

    global _server
    _server = PromptServer.instance
    add_routes(_server.routes)

    default_user = None if args.multi_user else folder_paths.get_public_user_directory("default")
    if default_user:
        presets.node_user_dir = Path(default_user, presets.FOLDER)


def user_dir(request: web.Request) -> Path:
    """The requesting user's presets folder; KeyError for a user ComfyUI does not know."""
    users = _server.user_manager if _server else None  # None before register()
    path = users.get_request_user_filepath(request, presets.FOLDER, create_dir=False) if users else None
    if path is None:
        raise KeyError("unknown user")
    return Path(path)


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def list_presets(request: web.Request) -> web.Response:
    try:
        folder = user_dir(request)
    except KeyError:
        return _error(403, "unknown user")
    found = []
    for name in presets.names(folder):
        try:
            found.append(presets.load(name, folder))
        except (OSError, ValueError):  # a damaged file: leave it out rather than fail the list
            logger.warning("skipping unreadable preset %s", name)
    return web.json_response({"presets": found})


async def get_preset(request: web.Request) -> web.Response:
    try:
        return web.json_response(presets.load(request.match_info["name"], user_dir(request)))
    except KeyError:
        return _error(403, "unknown user")
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
        saved = presets.save(data["name"], data["strength"], user_dir(request))
    except KeyError:
        return _error(403, "unknown user")
    except presets.PresetError as exc:
        return _error(400, str(exc))
    except OSError as exc:  # the disk is full, the folder read-only...
        logger.warning("could not save preset %s: %s", data["name"], exc)
        return _error(500, f"could not save the preset: {exc.strerror or exc}")
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
