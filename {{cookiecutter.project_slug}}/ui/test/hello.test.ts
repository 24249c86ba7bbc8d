// The Hello extension as ComfyUI's front end sees it, and its sidebar tab as a user clicks it.
import pack from "pack-config";
import { beforeEach, expect, it, vi } from "vitest";
import { installFakeComfy } from "./fake-comfy";

let comfy: ReturnType<typeof installFakeComfy>;
let extension: any;

beforeEach(async () => {
  vi.resetModules();
  comfy = installFakeComfy();
  await import("../src/extensions/hello");
  [extension] = comfy.seen.extensions;
});

it("registers one prefixed extension with a setting, a command and its keybinding", () => {
  const hello = `${pack.jsPrefix}.Hello`;
  expect(extension.name).toBe(hello);
  expect(extension.settings.map((s: any) => [s.id, s.type, s.defaultValue])).toEqual([
    [`${hello}.Greeting`, "text", "Hello from ComfyUI!"],
  ]);
  expect(extension.commands.map((c: any) => c.id)).toEqual([`${hello}.SayHello`]);
  expect(extension.keybindings).toEqual([{ combo: { key: "t", ctrl: true, alt: true }, commandId: `${hello}.SayHello` }]);
});

it("the command shows the greeting setting in a toast", () => {
  extension.commands[0].function();
  expect(comfy.seen.toasts).toEqual([expect.objectContaining({ summary: pack.name, detail: "Hello from ComfyUI!" })]);
});

it("setup adds a sidebar tab whose button says hello and counts the clicks, styled by the pack's stylesheet", async () => {
  extension.setup(comfy.app);
  const [tab] = comfy.seen.tabs;
  expect(tab.id).toBe(`${pack.jsPrefix}.Hello.Sidebar`);
  const el = document.createElement("div");
  tab.render(el);
  await vi.waitFor(() => expect(el.querySelector("h3")?.textContent).toBe(pack.name));
  const link = el.querySelector<HTMLLinkElement>("link[rel=stylesheet]");
  expect(new URL(link!.href).pathname.split("/").pop()).toBe("main.css");
  expect(el.querySelector("[data-role=count]")?.textContent).toBe("Said hello 0 times.");
  [...el.querySelectorAll("button")].find((b) => b.textContent === "Say hello")!.click();
  await vi.waitFor(() => expect(el.querySelector("[data-role=count]")?.textContent).toBe("Said hello 1 time."));
  expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Hello from ComfyUI!"]);
  tab.destroy();
  await vi.waitFor(() => expect(el.childElementCount).toBe(0));
});
