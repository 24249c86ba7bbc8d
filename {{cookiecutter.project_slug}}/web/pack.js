// This pack's own values, read by dist/main.js (built from ui/src). ComfyUI loads this module too: it
// only exports them.
export default Object.freeze({
  name: {{ cookiecutter.project_name | json_str }},
  jsPrefix: "{{ cookiecutter.js_prefix }}",
  nodePrefix: "{{ cookiecutter.node_prefix }}",
  routePrefix: "{{ cookiecutter.route_prefix }}",
  category: "{{ cookiecutter.node_category }}",
});
