{%- set pkg = cookiecutter.__package_name -%}
{%- set exports = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS"] if cookiecutter.node_api == "v1" else ["comfy_entrypoint"] -%}
{%- set exports = exports if has("nodes") else ["NODE_CLASS_MAPPINGS"] -%}
"""{{ cookiecutter.__registry_name }}: {{ "custom nodes" if has("nodes") else "a front-end extension" }} for ComfyUI.

ComfyUI imports this folder and reads only the names exported here. The tests never import it.
"""

{% if has("routes") -%}
from server import PromptServer  # ComfyUI's own module, there while ComfyUI loads the pack

from .{{ pkg }} import routes
{% endif -%}
{% if has("nodes") -%}
from .{{ pkg }}.nodes import {{ exports | join(", ") }}
{%- else -%}
# No nodes: an empty mapping tells ComfyUI that the pack loaded fine.
NODE_CLASS_MAPPINGS: dict = {}
{%- endif %}
{%- if has("routes") %}

# Before ComfyUI mounts its routes, which it does once every pack has loaded.
routes.register(PromptServer.instance)
{%- endif %}
{%- if has("web") %}

WEB_DIRECTORY = "./web"  # served to the browser: ComfyUI loads every .js file in it into its page
{%- endif %}

__all__ = {{ (exports + (["WEB_DIRECTORY"] if has("web") else [])) | tojson }}
