// Mounts the Hello sidebar tab, a Vue component (HelloPanel.vue).
import { createApp } from "vue";
import HelloPanel from "./HelloPanel.vue";
import { stylesheet } from "./stylesheet";

/** Render the tab into `el`; returns what takes it down again. */
export function mountHelloPanel(el: HTMLElement, props: { title: string; onHello: () => void }): () => void {
  const mount = document.createElement("div");
  el.replaceChildren(stylesheet(), mount);
  const panel = createApp(HelloPanel, props);
  panel.mount(mount);
  return () => {
    panel.unmount();
    el.replaceChildren();
  };
}
