{%- set pkg = cookiecutter.__package_name -%}
{%- set exports = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS"] if cookiecutter.node_api == "v1" else ["comfy_entrypoint"] -%}
{%- set exports = exports if has("nodes") else ["NODE_CLASS_MAPPINGS"] -%}
"""{{ cookiecutter.__registry_name }}: {{ "custom nodes" if has("nodes") else "a front-end extension" }} for ComfyUI.

ComfyUI imports this folder and reads only the names exported here. The tests never import it.
"""

{% if has("nodes") -%}
from .{{ pkg }}.nodes import {{ exports | join(", ") }}
{%- else -%}
# No nodes: an empty mapping tells ComfyUI that the pack loaded fine.
NODE_CLASS_MAPPINGS: dict = {}
{%- endif %}
{%- if has("presets") %}
from .{{ pkg }}.routes import register

register()  # the pack's routes, added before ComfyUI mounts its own (once every pack has loaded)
{%- endif %}
{%- if has("web") %}

WEB_DIRECTORY = "./web"  # served to the browser: ComfyUI loads every .js file in it into its page
{%- endif %}

__all__ = {{ (exports + (["WEB_DIRECTORY"] if has("web") else [])) | tojson }}
