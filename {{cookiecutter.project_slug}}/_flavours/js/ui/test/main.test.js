{%- set J = cookiecutter.js_prefix -%}
{%- set cat = cookiecutter.node_category -%}
// web/main.js as ComfyUI's front end sees it, with a stand-in app that records what it is given.
import { beforeEach, describe, expect, it, vi } from "vitest";

/** @type {any} */
let seen;

function installFakeComfy() {
  seen = { extension: undefined, toasts: [], tabs: [] };
  const settings = new Map();
  const app = {
    registerExtension: (/** @type {any} */ ext) => {
      seen.extension = ext;
      for (const s of ext.settings ?? []) settings.set(s.id, s.defaultValue);
    },
    extensionManager: {
      setting: { get: (/** @type {string} */ id) => settings.get(id) },
      toast: { add: (/** @type {any} */ t) => seen.toasts.push(t) },
      registerSidebarTab: (/** @type {any} */ tab) => seen.tabs.push(tab),
    },
    graph: { getNodeById: () => null },
  };
  const api = {
    addEventListener: vi.fn(),
    fetchApi: vi.fn(async () => new Response(JSON.stringify({ presets: [{ name: "soft", strength: 0.5 }] }))),
  };
  /** @type {any} */ (window).comfyAPI = { app: { app }, api: { api } };
  return { app, api };
}

describe("the pack's extension", () => {
  /** @type {ReturnType<typeof installFakeComfy>} */
  let comfy;

  beforeEach(async () => {
    vi.resetModules();
    comfy = installFakeComfy();
    await import("../../web/main.js");
  });

  it("registers one prefixed extension with a setting, a command and its keybinding", () => {
    expect(seen.extension.name).toBe("{{ J }}.Example");
    expect(seen.extension.settings).toEqual([
      expect.objectContaining({ id: "{{ J }}.Example.Greeting", type: "text", defaultValue: "Hello from ComfyUI!" }),
    ]);
    expect(seen.extension.commands.map((/** @type {any} */ c) => c.id)).toEqual(["{{ J }}.Example.SayHello"]);
    expect(seen.extension.keybindings).toEqual([
      { combo: { key: "t", ctrl: true, alt: true }, commandId: "{{ J }}.Example.SayHello" },
    ]);
  });

  it("the command shows the greeting setting in a toast", () => {
    seen.extension.commands[0].function();
    expect(seen.toasts).toEqual([expect.objectContaining({ detail: "Hello from ComfyUI!" })]);
  });

  it("setup adds a sidebar tab whose button says hello and counts the clicks", () => {
    seen.extension.setup(comfy.app);
    expect(seen.tabs.map((/** @type {any} */ t) => t.id)).toEqual(["{{ J }}.Example.Sidebar"]);
    const el = document.createElement("div");
    seen.tabs[0].render(el);
    expect(el.querySelector("h3")?.textContent).toBe({{ cookiecutter.project_name | json_str }});
    const count = () => el.querySelector("[data-role=count]")?.textContent;
    expect(count()).toBe("Said hello 0 times.");
    [...el.querySelectorAll("button")].find((b) => b.textContent === "Say hello")?.click();
    expect(count()).toBe("Said hello 1 time.");
    expect(seen.toasts.map((/** @type {any} */ t) => t.detail)).toEqual(["Hello from ComfyUI!"]);
    seen.tabs[0].destroy();
    expect(el.childElementCount).toBe(0);
  });
{%- if cat == "connected" %}

  it("the tab lists the presets the pack's route serves, and setup listens for its websocket message", async () => {
    seen.extension.setup(comfy.app);
    const el = document.createElement("div");
    seen.tabs[0].render(el);
    await vi.waitFor(() => expect(el.querySelector("[data-role=presets]")?.textContent).toContain("soft: 0.5"));
    expect(comfy.api.fetchApi).toHaveBeenCalledWith("/{{ cookiecutter.route_prefix }}/presets");
    expect(comfy.api.addEventListener).toHaveBeenCalledWith("{{ cookiecutter.route_prefix }}.preset_applied", expect.any(Function));
  });
{%- endif %}
});
