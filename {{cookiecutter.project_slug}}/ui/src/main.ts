// The pack's front-end extension. ComfyUI imports ../web/dist/main.js, built from this file.
import { api, app } from "./comfy";
import { ids, pack, sayHello } from "./example";
import { destroySidebar, renderSidebar } from "./sidebar";

// Vite writes the styles of the sources to main.css next to main.js; the front end does not load it by itself.
const stylesheet = "main.css"; // a variable, so that Vite leaves the URL to the browser
document.head.append(Object.assign(document.createElement("link"), {
  rel: "stylesheet",
  href: new URL(stylesheet, import.meta.url).href,
}));

/** Show `text` on `node` in a read-only block under its widgets. */
function showText(node: any, text: string): void {
  let widget = node.widgets?.find((w: any) => w.name === ids.textWidget);
  if (!widget) {
    const block = document.createElement("pre");
    block.style.cssText = "margin:0;padding:4px;white-space:pre-wrap;font:12px monospace;overflow:auto";
    widget = node.addDOMWidget(ids.textWidget, "text", block, { serialize: false });
  }
  widget.element.textContent = text;
  node.setDirtyCanvas?.(true, true);
}

app.registerExtension({
  name: ids.extension,
  settings: [
    {
      id: ids.greeting,
      category: [pack.name, "Example", "Greeting"],
      name: "Greeting",
      tooltip: "The text the Say Hello command shows.",
      type: "text",
      defaultValue: "Hello from ComfyUI!",
    },
  ],
  commands: [{ id: ids.sayHello, label: "Say hello", icon: "pi pi-comment", function: () => void sayHello() }],
  keybindings: [{ combo: { key: "t", ctrl: true, alt: true }, commandId: ids.sayHello }],
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (pack.category !== "independent" || nodeData.name !== ids.statsNode) return;
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
      api.addEventListener(ids.presetApplied as any, (event: any) => {
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
      id: ids.sidebar,
      icon: "pi pi-comment",
      title: pack.name,
      tooltip: pack.name,
      type: "custom",
      render: renderSidebar,
      destroy: destroySidebar,
    });
  },
});
