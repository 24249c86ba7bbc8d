// This pack's own values, which dist/main.js (built from ui/src) imports; ui/'s type-check reads their types
// from here. ComfyUI loads this module too: it only exports them.
export default Object.freeze({
  name: {{ cookiecutter.project_name | json_str }},
  jsPrefix: "{{ cookiecutter.__js_prefix }}",
{%- if has("tint") %}
  nodePrefix: "{{ cookiecutter.node_prefix }}",
{%- endif %}
{%- if has("presets") %}
  routePrefix: "{{ cookiecutter.__route_prefix }}",
{%- endif %}
});
