{%- set J = cookiecutter.__js_prefix -%}
{%- set R = cookiecutter.__route_prefix -%}
// @ts-check
// Invert presets: a sidebar tab that lists them and saves new ones through the pack's own routes, and the
// Apply Invert Preset node's websocket message, shown on the node and in a toast.
import { api } from "../../scripts/api.js";
import { app } from "../../scripts/app.js";
import { addTextDisplay, showText } from "./node-ui.js";

const EXTENSION = "{{ J }}.Presets";
const ROUTE = "/{{ R }}/presets";
const PRESET_APPLIED = "{{ R }}.preset_applied";

/**
 * A route's JSON answer, or an Error with the route's own message.
 * @param {Response} response
 */
async function answer(response) {
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data;
}

/**
 * @typedef {object} Preset
 * @property {string} name
 * @property {number} strength
 */

/** @param {unknown} error */
const reason = (error) => (error instanceof Error ? error.message : String(error));

/**
 * The sidebar tab: the presets the route serves for this user, and a form that saves one.
 * @param {HTMLElement} el
 */
function renderTab(el) {
  const list = document.createElement("ul");
  list.dataset.role = "presets";
  const status = document.createElement("p");
  status.dataset.role = "status";
  const name = Object.assign(document.createElement("input"), { placeholder: "name", value: "my-preset" });
  const strength = Object.assign(document.createElement("input"), {
    type: "number", min: "0", max: "1", step: "0.05", value: "0.5",
  });
  const save = Object.assign(document.createElement("button"), { type: "button", textContent: "Save preset" });

  async function refresh() {
    const { presets } = await answer(await api.fetchApi(ROUTE));
    list.replaceChildren(
      ...presets.map((/** @type {Preset} */ p) =>
        Object.assign(document.createElement("li"), { textContent: `${p.name}: ${p.strength}` }),
      ),
    );
  }
  save.addEventListener("click", async () => {
    try {
      const body = JSON.stringify({ name: name.value, strength: Number(strength.value) });
      const saved = await answer(await api.fetchApi(ROUTE, { method: "POST", body }));
      status.textContent = `Saved ${saved.name}. Refresh node definitions (R) to use it.`;
      await refresh();
    } catch (error) {
      status.textContent = `Not saved: ${reason(error)}`;
    }
  });
  refresh().catch((error) => {
    status.textContent = `Could not load presets: ${reason(error)}`;
  });
  const title = Object.assign(document.createElement("h3"), { textContent: "Invert presets" });
  el.replaceChildren(title, list, name, strength, save, status);
  el.style.padding = "0.75rem";
}

app.registerExtension({
  name: EXTENSION,
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (nodeData.name === "{{ cookiecutter.node_prefix }}_ApplyPreset") addTextDisplay(nodeType);
  },
  setup() {
    // Sent by the Apply Invert Preset node to the browser that queued the workflow (the pack's own message
    // type, so the front end's types do not list it).
    api.addEventListener(/** @type {any} */ (PRESET_APPLIED), (/** @type {any} */ event) => {
      const { node, preset, strength } = event.detail;
      const target = app.graph?.getNodeById(Number(node));
      if (target) showText(target, `Applied preset ${preset} (strength ${strength})`);
      app.extensionManager.toast.add({ severity: "success", summary: "Invert presets", detail: `Applied preset ${preset}`, life: 3000 });
    });
    app.extensionManager.registerSidebarTab({
      id: `${EXTENSION}.Sidebar`,
      icon: "pi pi-sliders-h",
      title: "Invert presets",
      tooltip: "Invert presets",
      type: "custom",
      render: renderTab,
      destroy: () => undefined,
    });
  },
});
