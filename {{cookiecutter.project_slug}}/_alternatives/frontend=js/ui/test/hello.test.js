{%- set J = cookiecutter.__js_prefix -%}
// web/hello.js as ComfyUI's front end sees it.
import { beforeEach, expect, it, vi } from "vitest";
import { installFakeComfy } from "./fake-comfy.js";

/** @type {ReturnType<typeof installFakeComfy>} */
let comfy;
/** @type {any} */
let extension;

beforeEach(async () => {
  vi.resetModules();
  comfy = installFakeComfy();
  await import("../../web/hello.js");
  [extension] = comfy.seen.extensions;
});

it("registers one prefixed extension with a setting, a command and its keybinding", () => {
  expect(extension.name).toBe("{{ J }}.Hello");
  expect(extension.settings.map((/** @type {any} */ s) => [s.id, s.type, s.defaultValue])).toEqual([
    ["{{ J }}.Hello.Greeting", "text", "Hello from ComfyUI!"],
  ]);
  expect(extension.commands.map((/** @type {any} */ c) => c.id)).toEqual(["{{ J }}.Hello.SayHello"]);
  expect(extension.keybindings).toEqual([{ combo: { key: "t", ctrl: true, alt: true }, commandId: "{{ J }}.Hello.SayHello" }]);
});

it("the command shows the greeting setting in a toast", () => {
  extension.commands[0].function();
  expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Hello from ComfyUI!"]);
});

it("setup adds a sidebar tab whose button says hello and counts the clicks", () => {
  extension.setup(comfy.app);
  const [tab] = comfy.seen.tabs;
  expect(tab.id).toBe("{{ J }}.Hello.Sidebar");
  const el = document.createElement("div");
  tab.render(el);
  expect(el.querySelector("h3")?.textContent).toBe({{ cookiecutter.project_name | json_str }});
  const count = () => el.querySelector("[data-role=count]")?.textContent;
  expect(count()).toBe("Said hello 0 times.");
  [...el.querySelectorAll("button")].find((b) => b.textContent === "Say hello")?.click();
  expect(count()).toBe("Said hello 1 time.");
  expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Hello from ComfyUI!"]);
});
