// The Invert presets sidebar tab, built with DOM calls: the user's presets, and a form that saves one.
import type { Preset } from "./extensions/presets";
import styles from "./panel.module.css";
import { stylesheet } from "./stylesheet";

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Render the tab into `el`; returns what takes it down again. */
export function mountPresetsPanel(
  el: HTMLElement,
  props: { list: () => Promise<Preset[]>; save: (preset: Preset) => Promise<Preset> },
): () => void {
  const list = document.createElement("ul");
  list.dataset.role = "presets";
  const status = document.createElement("p");
  status.dataset.role = "status";
  const name = Object.assign(document.createElement("input"), { placeholder: "name", value: "my-preset" });
  const strength = Object.assign(document.createElement("input"), {
    type: "number",
    min: "0",
    max: "1",
    step: "0.05",
    value: "0.5",
  });
  const save = Object.assign(document.createElement("button"), { type: "button", textContent: "Save preset" });

  async function refresh() {
    const presets = await props.list();
    list.replaceChildren(
      ...presets.map((p) => Object.assign(document.createElement("li"), { textContent: `${p.name}: ${p.strength}` })),
    );
  }
  save.addEventListener("click", async () => {
    try {
      const saved = await props.save({ name: name.value, strength: Number(strength.value) });
      status.textContent = `Saved ${saved.name}. Refresh node definitions (R) to use it.`;
      await refresh();
    } catch (error) {
      status.textContent = `Not saved: ${reason(error)}`;
    }
  });
  refresh().catch((error) => (status.textContent = `Could not load presets: ${reason(error)}`));
  const panel = Object.assign(document.createElement("div"), { className: styles.panel });
  panel.append(Object.assign(document.createElement("h3"), { textContent: "Invert presets" }), list, name, strength, save, status);
  el.replaceChildren(stylesheet(), panel);
  return () => el.replaceChildren();
}
