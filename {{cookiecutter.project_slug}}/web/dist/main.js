import pack from "../pack.js";
const app = window.comfyAPI.app.app;
const api = window.comfyAPI.api.api;
const GREETING_SETTING = `${pack.jsPrefix}.Example.Greeting`;
const SAY_HELLO_COMMAND = `${pack.jsPrefix}.Example.SayHello`;
const TEXT_WIDGET = `${pack.jsPrefix}_text`;
const STATS_NODE = `${pack.nodePrefix}_ImageStats`;
const ROUTE = `/${pack.routePrefix}`;
const PRESET_APPLIED = `${pack.routePrefix}.preset_applied`;
function sayHello() {
  const greeting = String(app.extensionManager.setting.get(GREETING_SETTING));
  app.extensionManager.toast.add({ severity: "info", summary: pack.name, detail: greeting, life: 3e3 });
  return greeting;
}
function element(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}
function showText(node, text) {
  let widget = node.widgets?.find((w) => w.name === TEXT_WIDGET);
  if (!widget) {
    const block = element("pre");
    block.style.cssText = "margin:0;padding:4px;white-space:pre-wrap;font:12px monospace;overflow:auto";
    widget = node.addDOMWidget(TEXT_WIDGET, "text", block, { serialize: false });
  }
  widget.element.textContent = text;
  node.setDirtyCanvas?.(true, true);
}
async function json(response) {
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data;
}
function presetsPanel() {
  const list = element("ul");
  list.dataset.role = "presets";
  const status = element("p");
  status.dataset.role = "status";
  const name = element("input", { placeholder: "name", value: "my-preset" });
  const strength = element("input", { type: "number", min: "0", max: "1", step: "0.05", value: "0.5" });
  const save = element("button", { type: "button", textContent: "Save preset" });
  const reason = (error) => error instanceof Error ? error.message : String(error);
  async function refresh() {
    const { presets } = await json(await api.fetchApi(`${ROUTE}/presets`));
    list.replaceChildren(...presets.map((p) => element("li", { textContent: `${p.name}: ${p.strength}` })));
  }
  save.addEventListener("click", async () => {
    try {
      const body = JSON.stringify({ name: name.value, strength: Number(strength.value) });
      const init = { method: "POST", headers: { "Content-Type": "application/json" }, body };
      const saved = await json(await api.fetchApi(`${ROUTE}/presets`, init));
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
function renderSidebar(el) {
  const hello = element("button", { type: "button", textContent: "Say hello" });
  hello.addEventListener("click", () => sayHello());
  el.replaceChildren(
    element("h3", { textContent: pack.name }),
    element("p", { textContent: "Press Ctrl+Alt+T, or this button, to say hello." }),
    hello,
    ...pack.category === "connected" ? presetsPanel() : []
  );
  el.style.padding = "0.75rem";
}
app.registerExtension({
  name: `${pack.jsPrefix}.Example`,
  settings: [
    {
      id: GREETING_SETTING,
      category: [pack.name, "Example", "Greeting"],
      name: "Greeting",
      tooltip: "The text the Say Hello command shows.",
      type: "text",
      defaultValue: "Hello from ComfyUI!"
    }
  ],
  commands: [{ id: SAY_HELLO_COMMAND, label: "Say hello", icon: "pi pi-comment", function: () => void sayHello() }],
  keybindings: [{ combo: { key: "t", ctrl: true, alt: true }, commandId: SAY_HELLO_COMMAND }],
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (pack.category !== "independent" || nodeData.name !== STATS_NODE) return;
    const proto = nodeType.prototype;
    const onExecuted = proto.onExecuted;
    proto.onExecuted = function(output) {
      onExecuted?.apply(this, [output]);
      showText(this, String(output?.text?.[0] ?? ""));
    };
  },
  setup() {
    if (pack.category === "connected") {
      api.addEventListener(PRESET_APPLIED, (event) => {
        const { node, preset, strength } = event.detail;
        const target = app.graph?.getNodeById(Number(node));
        if (target) showText(target, `Applied preset ${preset} (strength ${strength})`);
        app.extensionManager.toast.add({
          severity: "success",
          summary: pack.name,
          detail: `Applied preset ${preset}`,
          life: 3e3
        });
      });
    }
    app.extensionManager.registerSidebarTab({
      id: `${pack.jsPrefix}.Example.Sidebar`,
      icon: "pi pi-comment",
      title: pack.name,
      tooltip: pack.name,
      type: "custom",
      render: renderSidebar
    });
  }
});
export {
  renderSidebar,
  sayHello
};
