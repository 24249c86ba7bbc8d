{%- set J = cookiecutter.js_prefix -%}
{%- set cat = cookiecutter.node_category -%}
// @ts-check
// Front end of {{ cookiecutter.registry_name }}. ComfyUI imports every .js file under web/ as an ES module,
// so keep only browser code here. Server data is always shown with textContent, never as HTML.
import { app } from "../../scripts/app.js";
{%- if cat == "connected" %}
import { api } from "../../scripts/api.js";
{%- endif %}

const PACK_NAME = {{ cookiecutter.project_name | json_str }};
const GREETING_SETTING = "{{ J }}.Example.Greeting";
const SAY_HELLO_COMMAND = "{{ J }}.Example.SayHello";
const TEXT_WIDGET = "{{ J }}_text";
{%- if cat == "independent" %}
const STATS_NODE = "{{ cookiecutter.node_prefix }}_ImageStats";
{%- elif cat == "connected" %}
const ROUTE = "/{{ cookiecutter.route_prefix }}";
const PRESET_APPLIED = "{{ cookiecutter.route_prefix }}.preset_applied";
{%- endif %}

/** Show the greeting setting in a toast; bound to a command, a key and a sidebar button. */
function sayHello() {
  const greeting = String(app.extensionManager.setting.get(GREETING_SETTING));
  app.extensionManager.toast.add({ severity: "info", summary: PACK_NAME, detail: greeting, life: 3000 });
  return greeting;
}

/**
 * @param {string} tag
 * @param {Record<string, string>} [props]
 */
function element(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}
{%- if cat != "client" %}

/**
 * Show `text` on `node` in a read-only block under its widgets.
 * @param {any} node a LiteGraph node
 * @param {string} text
 */
function showText(node, text) {
  let widget = node.widgets?.find((/** @type {any} */ w) => w.name === TEXT_WIDGET);
  if (!widget) {
    const block = element("pre");
    block.style.cssText = "margin:0;padding:4px;white-space:pre-wrap;font:12px monospace;overflow:auto";
    widget = node.addDOMWidget(TEXT_WIDGET, "text", block, { serialize: false });
  }
  widget.element.textContent = text;
  node.setDirtyCanvas?.(true, true);
}
{%- endif %}
{%- if cat == "connected" %}

/** @returns {Promise<{name: string, strength: number}[]>} */
async function fetchPresets() {
  const response = await api.fetchApi(`${ROUTE}/presets`);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data.presets;
}

/**
 * @param {string} name
 * @param {number} strength
 */
async function savePreset(name, strength) {
  const response = await api.fetchApi(`${ROUTE}/presets`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, strength }),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data;
}

/**
 * The presets part of the sidebar: a list from the pack's route and a form that saves one.
 * @returns {HTMLElement[]}
 */
function presetsPanel() {
  const list = element("ul");
  list.dataset.role = "presets";
  const status = element("p");
  status.dataset.role = "status";
  const name = element("input", { placeholder: "name", value: "my-preset" });
  const strength = element("input", { type: "number", min: "0", max: "1", step: "0.05", value: "0.5" });
  const save = element("button", { type: "button", textContent: "Save preset" });
  /** @param {unknown} error */
  const reason = (error) => (error instanceof Error ? error.message : String(error));

  async function refresh() {
    const presets = await fetchPresets();
    list.replaceChildren(...presets.map((p) => element("li", { textContent: `${p.name}: ${p.strength}` })));
  }
  save.addEventListener("click", async () => {
    try {
      const saved = await savePreset(name.value, Number(strength.value));
      status.textContent = `Saved ${saved.name}. Refresh node definitions (R) to use it.`;
      await refresh();
    } catch (error) {
      status.textContent = `Not saved: ${reason(error)}`;
    }
  });
  refresh().catch((error) => {
    status.textContent = `Could not load presets: ${reason(error)}`;
  });
  return [element("h4", { textContent: "Invert presets" }), list, name, strength, save, status];
}
{%- endif %}

/** @param {number} count */
const saidHello = (count) => `Said hello ${count} time${count === 1 ? "" : "s"}.`;

/** @type {HTMLElement | undefined} */
let sidebar;

/**
 * The sidebar tab: a greeting button that counts its clicks{% if cat == "connected" %}, and the presets{% endif %}.
 * @param {HTMLElement} el
 */
function renderSidebar(el) {
  let count = 0;
  const said = element("p", { textContent: saidHello(count) });
  said.dataset.role = "count";
  said.style.fontWeight = "700";
  const hello = element("button", { type: "button", textContent: "Say hello" });
  hello.addEventListener("click", () => {
    sayHello();
    said.textContent = saidHello(++count);
  });
  el.replaceChildren(
    element("h3", { textContent: PACK_NAME }),
    element("p", { textContent: "Press Ctrl+Alt+T, or this button, to say hello." }),
    hello,
    said,
{%- if cat == "connected" %}
    ...presetsPanel(),
{%- endif %}
  );
  el.style.padding = "0.75rem";
  sidebar = el;
}

function destroySidebar() {
  sidebar?.replaceChildren();
  sidebar = undefined;
}

app.registerExtension({
  name: "{{ J }}.Example",
  settings: [
    {
      id: GREETING_SETTING,
      category: [PACK_NAME, "Example", "Greeting"],
      name: "Greeting",
      tooltip: "The text the Say Hello command shows.",
      type: "text",
      defaultValue: "Hello from ComfyUI!",
    },
  ],
  commands: [{ id: SAY_HELLO_COMMAND, label: "Say hello", icon: "pi pi-comment", function: () => void sayHello() }],
  keybindings: [{ combo: { key: "t", ctrl: true, alt: true }, commandId: SAY_HELLO_COMMAND }],
{%- if cat == "independent" %}
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (nodeData.name !== STATS_NODE) return;
    const proto = /** @type {any} */ (nodeType.prototype); // onExecuted is ComfyUI's, not in LiteGraph's types
    const onExecuted = proto.onExecuted;
    // The node's `ui` result arrives here after each run in this browser.
    proto.onExecuted = function (/** @type {any} */ output) {
      onExecuted?.apply(this, [output]);
      showText(this, String(output?.text?.[0] ?? ""));
    };
  },
{%- endif %}
  setup() {
{%- if cat == "connected" %}
    // Sent by the Apply Invert Preset node to the browser that queued the workflow (the pack's own
    // message type, so the front end's types do not list it).
    api.addEventListener(/** @type {any} */ (PRESET_APPLIED), (/** @type {any} */ event) => {
      const { node, preset, strength } = event.detail;
      const target = app.graph?.getNodeById(Number(node));
      if (target) showText(target, `Applied preset ${preset} (strength ${strength})`);
      app.extensionManager.toast.add({
        severity: "success", summary: PACK_NAME, detail: `Applied preset ${preset}`, life: 3000,
      });
    });
{%- endif %}
    app.extensionManager.registerSidebarTab({
      id: "{{ J }}.Example.Sidebar",
      icon: "pi pi-comment",
      title: PACK_NAME,
      tooltip: PACK_NAME,
      type: "custom",
      render: renderSidebar,
      destroy: destroySidebar,
    });
  },
});
