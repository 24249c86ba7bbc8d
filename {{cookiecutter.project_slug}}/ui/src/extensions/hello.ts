// Say hello: a setting, a command that shows it in a toast (also on Ctrl+Alt+T), and a sidebar tab with a
// button that does the same.
import pack from "pack-config";
import { app } from "../comfy";
import { mountHelloPanel } from "../hello-panel";

const EXTENSION = `${pack.jsPrefix}.Hello`;
const GREETING = `${EXTENSION}.Greeting`;
const SAY_HELLO = `${EXTENSION}.SayHello`;

/** Show the greeting setting in a toast. */
function sayHello(): void {
  const greeting = String(app.extensionManager.setting.get(GREETING));
  app.extensionManager.toast.add({ severity: "info", summary: pack.name, detail: greeting, life: 3000 });
}

let unmount: (() => void) | undefined;

app.registerExtension({
  name: EXTENSION,
  settings: [
    {
      id: GREETING,
      category: [pack.name, "Hello", "Greeting"],
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
      title: pack.name,
      tooltip: pack.name,
      type: "custom",
      render: (el) => {
        unmount?.();
        unmount = mountHelloPanel(el, { title: pack.name, onHello: sayHello });
      },
      destroy: () => {
        unmount?.();
        unmount = undefined;
      },
    });
  },
});
