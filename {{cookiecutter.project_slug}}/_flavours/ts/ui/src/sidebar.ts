// The sidebar tab, built with plain DOM calls: a greeting button that counts its clicks and, in a
// connected pack, the presets served by the pack's route with a form that saves one.
import { listPresets, pack, reason, saidHello, savePreset, sayHello } from "./example";
import styles from "./sidebar.module.css";

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  data: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  Object.assign(el.dataset, data);
  return el;
}

function presetsPanel(): HTMLElement {
  const list = element("ul", {}, { role: "presets" });
  const status = element("p", {}, { role: "status" });
  const name = element("input", { placeholder: "name", value: "my-preset" });
  const strength = element("input", { type: "number", min: "0", max: "1", step: "0.05", value: "0.5" });
  const save = element("button", { type: "button", textContent: "Save preset" });

  async function refresh() {
    const presets = await listPresets();
    list.replaceChildren(...presets.map((p) => element("li", { textContent: `${p.name}: ${p.strength}` })));
  }
  save.addEventListener("click", async () => {
    try {
      const saved = await savePreset({ name: name.value, strength: Number(strength.value) });
      status.textContent = `Saved ${saved.name}. Refresh node definitions (R) to use it.`;
      await refresh();
    } catch (error) {
      status.textContent = `Not saved: ${reason(error)}`;
    }
  });
  refresh().catch((error) => (status.textContent = `Could not load presets: ${reason(error)}`));
  const section = element("section");
  section.append(element("h4", { textContent: "Invert presets" }), list, name, strength, save, status);
  return section;
}

let container: HTMLElement | undefined;

export function renderSidebar(el: HTMLElement): void {
  let count = 0;
  const said = element("p", { className: styles.count, textContent: saidHello(count) }, { role: "count" });
  const hello = element("button", { type: "button", textContent: "Say hello" });
  hello.addEventListener("click", () => {
    sayHello();
    said.textContent = saidHello(++count);
  });
  const panel = element("div", { className: styles.panel });
  panel.append(
    element("h3", { textContent: pack.name }),
    element("p", { textContent: "Press Ctrl+Alt+T, or this button, to say hello." }),
    hello,
    said,
    ...(pack.category === "connected" ? [presetsPanel()] : []),
  );
  el.replaceChildren(panel);
  container = el;
}

export function destroySidebar(): void {
  container?.replaceChildren();
  container = undefined;
}
