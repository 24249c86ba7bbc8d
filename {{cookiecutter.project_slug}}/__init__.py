{%- if cookiecutter.node_category == "client" and cookiecutter.node_api == "v1" -%}
"""{{ cookiecutter.registry_name }}: a front-end extension for ComfyUI (no Python nodes)."""

# An empty mapping tells ComfyUI the pack loaded fine; the extension lives in ./web.
NODE_CLASS_MAPPINGS: dict = {}
NODE_DISPLAY_NAME_MAPPINGS: dict = {}
WEB_DIRECTORY = "./web"

__all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS", "WEB_DIRECTORY"]
{% elif cookiecutter.node_category == "client" -%}
"""{{ cookiecutter.registry_name }}: a front-end extension for ComfyUI (no Python nodes)."""

from comfy_api.v0_0_2 import ComfyExtension, io


class _WebOnlyExtension(ComfyExtension):
    async def get_node_list(self) -> list[type[io.ComfyNode]]:
        return []


async def comfy_entrypoint() -> ComfyExtension:
    """ComfyUI calls this to load the pack; it has no nodes, only the extension in ./web."""
    return _WebOnlyExtension()


WEB_DIRECTORY = "./web"

__all__ = ["WEB_DIRECTORY", "comfy_entrypoint"]
{% else -%}
"""{{ cookiecutter.registry_name }}: custom nodes for ComfyUI.

ComfyUI imports this folder and reads only the names exported here.
"""

{% if cookiecutter.node_api == "v1" -%}
from .{{ cookiecutter.package_name }}.nodes import NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS
{%- else -%}
from .{{ cookiecutter.package_name }}.nodes import comfy_entrypoint
{%- endif %}
{%- if cookiecutter.node_category != "server" %}

WEB_DIRECTORY = "./web"
{%- endif %}

{% if cookiecutter.node_api == "v1" -%}
__all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS"
{%- if cookiecutter.node_category != "server" %}, "WEB_DIRECTORY"{% endif %}]
{%- else -%}
__all__ = [{% if cookiecutter.node_category != "server" %}"WEB_DIRECTORY", {% endif %}"comfy_entrypoint"]
{%- endif %}
{% endif -%}
