// Front end of the pack. Server data is always shown with textContent, never as HTML.
import pack from "pack-config";
import { api, app } from "./comfy";

const GREETING_SETTING = `${pack.jsPrefix}.Example.Greeting`;
const SAY_HELLO_COMMAND = `${pack.jsPrefix}.Example.SayHello`;
const TEXT_WIDGET = `${pack.jsPrefix}_text`;
const STATS_NODE = `${pack.nodePrefix}_ImageStats`;
const ROUTE = `/${pack.routePrefix}`;
const PRESET_APPLIED = `${pack.routePrefix}.preset_applied`;

type Preset = { name: string; strength: number };

/** Show the greeting setting in a toast; bound to a command, a key and a sidebar button. */
export function sayHello(): string {
  const greeting = String(app.extensionManager.setting.get(GREETING_SETTING));
  app.extensionManager.toast.add({ severity: "info", summary: pack.name, detail: greeting, life: 3000 });
  return greeting;
}

function element(tag: string, props: Record<string, string> = {}): HTMLElement {
  return Object.assign(document.createElement(tag), props);
}

/** Show `text` on `node` in a read-only block under its widgets. */
function showText(node: any, text: string): void {
    let widget = node.widgets?.find((w: any) => w.name === TEXT_WIDGET);
  if (!widget) {
    const block = element("pre");
    block.style.cssText = "margin:0;padding:4px;white-space:pre-wrap;font:12px monospace;overflow:auto";
    widget = node.addDOMWidget(TEXT_WIDGET, "text", block, { serialize: false });
  }
  widget.element.textContent = text;
  node.setDirtyCanvas?.(true, true);
}

async function json<T>(response: Response): Promise<T> {
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data as T;
}

function presetsPanel(): HTMLElement[] {
  const list = element("ul");
  list.dataset.role = "presets";
  const status = element("p");
  status.dataset.role = "status";
  const name = element("input", { placeholder: "name", value: "my-preset" }) as HTMLInputElement;
  const strength = element("input", { type: "number", min: "0", max: "1", step: "0.05", value: "0.5" }) as HTMLInputElement;
  const save = element("button", { type: "button", textContent: "Save preset" });
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

  async function refresh() {
    const { presets } = await json<{ presets: Preset[] }>(await api.fetchApi(`${ROUTE}/presets`));
    list.replaceChildren(...presets.map((p) => element("li", { textContent: `${p.name}: ${p.strength}` })));
  }
  save.addEventListener("click", async () => {
    try {
      const body = JSON.stringify({ name: name.value, strength: Number(strength.value) });
      const init = { method: "POST", headers: { "Content-Type": "application/json" }, body };
      const saved = await json<Preset>(await api.fetchApi(`${ROUTE}/presets`, init));
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

export function renderSidebar(el: HTMLElement): void {
  const hello = element("button", { type: "button", textContent: "Say hello" });
  hello.addEventListener("click", () => sayHello());
  el.replaceChildren(
    element("h3", { textContent: pack.name }),
    element("p", { textContent: "Press Ctrl+Alt+T, or this button, to say hello." }),
    hello,
    ...(pack.category === "connected" ? presetsPanel() : []),
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
      defaultValue: "Hello from ComfyUI!",
    },
  ],
  commands: [{ id: SAY_HELLO_COMMAND, label: "Say hello", icon: "pi pi-comment", function: () => void sayHello() }],
  keybindings: [{ combo: { key: "t", ctrl: true, alt: true }, commandId: SAY_HELLO_COMMAND }],
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (pack.category !== "independent" || nodeData.name !== STATS_NODE) return;
    const proto = nodeType.prototype as any;
    const onExecuted = proto.onExecuted;
    // The node's `ui` result arrives here after each run in this browser.
    proto.onExecuted = function (output: any) {
      onExecuted?.apply(this, [output]);
      showText(this, String(output?.text?.[0] ?? ""));
    };
  },
  setup() {
    if (pack.category === "connected") {
      // Sent by the Apply Invert Preset node to the browser that queued the workflow.
            api.addEventListener(PRESET_APPLIED as any, (event: any) => {
        const { node, preset, strength } = event.detail;
        const target = app.graph?.getNodeById(Number(node));
        if (target) showText(target, `Applied preset ${preset} (strength ${strength})`);
        app.extensionManager.toast.add({
          severity: "success",
          summary: pack.name,
          detail: `Applied preset ${preset}`,
          life: 3000,
        });
      });
    }
    app.extensionManager.registerSidebarTab({
      id: `${pack.jsPrefix}.Example.Sidebar`,
      icon: "pi pi-comment",
      title: pack.name,
      tooltip: pack.name,
      type: "custom",
      render: renderSidebar,
    });
  },
});
