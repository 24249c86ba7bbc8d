// Mounts the Invert presets sidebar tab, a Vue component (PresetsPanel.vue).
import { createApp } from "vue";
import type { Preset } from "./extensions/presets";
import PresetsPanel from "./PresetsPanel.vue";
import { stylesheet } from "./stylesheet";

/** Render the tab into `el`; returns what takes it down again. */
export function mountPresetsPanel(
  el: HTMLElement,
  props: { list: () => Promise<Preset[]>; save: (preset: Preset) => Promise<Preset> },
): () => void {
  const mount = document.createElement("div");
  el.replaceChildren(stylesheet(), mount);
  const panel = createApp(PresetsPanel, props);
  panel.mount(mount);
  return () => {
    panel.unmount();
    el.replaceChildren();
  };
}
