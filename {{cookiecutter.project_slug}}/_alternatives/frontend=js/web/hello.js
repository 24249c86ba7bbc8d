{%- set J = cookiecutter.__js_prefix -%}
// @ts-check
// Say hello: a setting, a command that shows it in a toast (also on Ctrl+Alt+T), and a sidebar tab with a
// button that does the same. ComfyUI loads every .js file under web/ into its page as an ES module.
import { app } from "../../scripts/app.js";

const PACK_NAME = {{ cookiecutter.project_name | json_str }};
const EXTENSION = "{{ J }}.Hello";
const GREETING = `${EXTENSION}.Greeting`;
const SAY_HELLO = `${EXTENSION}.SayHello`;

/** Show the greeting setting in a toast. */
function sayHello() {
  const greeting = String(app.extensionManager.setting.get(GREETING));
  app.extensionManager.toast.add({ severity: "info", summary: PACK_NAME, detail: greeting, life: 3000 });
}

/** @param {number} count */
const saidHello = (count) => `Said hello ${count} time${count === 1 ? "" : "s"}.`;

/**
 * The sidebar tab: a button that says hello and counts its clicks.
 * @param {HTMLElement} el
 */
function renderTab(el) {
  let count = 0;
  const said = Object.assign(document.createElement("p"), { textContent: saidHello(count) });
  said.dataset.role = "count";
  said.style.fontWeight = "700";
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: "Say hello" });
  button.addEventListener("click", () => {
    sayHello();
    said.textContent = saidHello(++count);
  });
  const title = Object.assign(document.createElement("h3"), { textContent: PACK_NAME });
  const hint = Object.assign(document.createElement("p"), { textContent: "Press Ctrl+Alt+T, or this button, to say hello." });
  el.replaceChildren(title, hint, button, said);
  el.style.padding = "0.75rem";
}

app.registerExtension({
  name: EXTENSION,
  settings: [
    {
      id: GREETING,
      category: [PACK_NAME, "Hello", "Greeting"],
      name: "Greeting",
      tooltip: "The text the Say hello command shows.",
      type: "text",
      defaultValue: "Hello from ComfyUI!",
    },
  ],
  commands: [{ id: SAY_HELLO, label: "Say hello", icon: "pi pi-comment", function: sayHello }],
  keybindings: [{ combo: { key: "t", ctrl: true, alt: true }, commandId: SAY_HELLO }],
  setup() {
    app.extensionManager.registerSidebarTab({
      id: `${EXTENSION}.Sidebar`,
      icon: "pi pi-comment",
      title: PACK_NAME,
      tooltip: PACK_NAME,
      type: "custom",
      render: renderTab,
      destroy: () => undefined,
    });
  },
});
