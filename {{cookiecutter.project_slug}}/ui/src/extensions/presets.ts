// Invert presets: a sidebar tab that lists them and saves new ones through the pack's own routes, and the
// Apply Invert Preset node's websocket message, shown on the node and in a toast.
import pack from "pack-config";
import { api, app } from "../comfy";
import { addTextDisplay, showText } from "../node-ui";
import { mountPresetsPanel } from "../presets-panel";

export type Preset = { name: string; strength: number };

const EXTENSION = `${pack.jsPrefix}.Presets`;
const ROUTE = `/${pack.routePrefix}/presets`;

/** A route's JSON answer, or an Error with the route's own message. */
async function answer<T>(response: Response): Promise<T> {
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data as T;
}

/** The presets the route serves for this user. */
async function listPresets(): Promise<Preset[]> {
  return (await answer<{ presets: Preset[] }>(await api.fetchApi(ROUTE))).presets;
}

/** Save a preset through the route; the server checks it and answers with what it stored. */
async function savePreset(preset: Preset): Promise<Preset> {
  return answer<Preset>(await api.fetchApi(ROUTE, { method: "POST", body: JSON.stringify(preset) }));
}

let unmount: (() => void) | undefined;

app.registerExtension({
  name: EXTENSION,
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (nodeData.name === `${pack.nodePrefix}_ApplyPreset`) addTextDisplay(nodeType);
  },
  setup() {
    // Sent by the Apply Invert Preset node to the browser that queued the workflow (the pack's own message
    // type, so the front end's types do not list it).
    api.addEventListener(`${pack.routePrefix}.preset_applied` as any, (event: any) => {
      const { node, preset, strength } = event.detail;
      const target = app.graph?.getNodeById(Number(node));
      if (target) showText(target, `Applied preset ${preset} (strength ${strength})`);
      app.extensionManager.toast.add({
        severity: "success",
        summary: "Invert presets",
        detail: `Applied preset ${preset}`,
        life: 3000,
      });
    });
    app.extensionManager.registerSidebarTab({
      id: `${EXTENSION}.Sidebar`,
      icon: "pi pi-sliders-h",
      title: "Invert presets",
      tooltip: "Invert presets",
      type: "custom",
      render: (el) => {
        unmount?.();
        unmount = mountPresetsPanel(el, { list: listPresets, save: savePreset });
      },
      destroy: () => {
        unmount?.();
        unmount = undefined;
      },
    });
  },
});
