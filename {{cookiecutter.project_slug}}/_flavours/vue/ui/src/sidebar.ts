// Mounts the Vue component that renders the sidebar tab (src/Panel.vue).
import { type App, createApp } from "vue";
import Panel from "./Panel.vue";

let panel: App | undefined;

export function renderSidebar(el: HTMLElement): void {
  panel?.unmount();
  panel = createApp(Panel);
  panel.mount(el);
}

export function destroySidebar(): void {
  panel?.unmount();
  panel = undefined;
}
