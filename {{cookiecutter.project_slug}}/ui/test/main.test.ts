// The extension as ComfyUI's front end sees it, with a stand-in for the app that records what it is given.
import { beforeEach, describe, expect, it, vi } from "vitest";

type Any = any;
let registered: Any;
const toasts: Any[] = [];
const tabs: Any[] = [];
const settings = new Map<string, unknown>();

function fakeComfy() {
  const app = {
    registerExtension: (ext: Any) => (registered = ext),
    extensionManager: {
      setting: { get: (id: string) => settings.get(id) },
      toast: { add: (t: Any) => toasts.push(t) },
      registerSidebarTab: (tab: Any) => tabs.push(tab),
    },
    graph: { getNodeById: () => null },
  };
  const api = {
    addEventListener: vi.fn(),
    fetchApi: vi.fn(async () => new Response(JSON.stringify({ presets: [{ name: "soft", strength: 0.5 }] }))),
  };
  (window as Any).comfyAPI = { app: { app }, api: { api } };
  return { app, api };
}

describe("the pack's extension", () => {
  let comfy: ReturnType<typeof fakeComfy>;

  beforeEach(async () => {
    vi.resetModules();
    toasts.length = 0;
    tabs.length = 0;
    comfy = fakeComfy();
    await import("../src/main");
    const setting = registered.settings[0];
    settings.set(setting.id, setting.defaultValue);
  });

  it("registers one prefixed extension with a setting, a command and its keybinding", () => {
    expect(registered.name).toBe("TestPack.Example");
    expect(registered.settings[0]).toMatchObject({ id: "TestPack.Example.Greeting", defaultValue: "Hello from ComfyUI!" });
    expect(registered.commands[0].id).toBe("TestPack.Example.SayHello");
    expect(registered.keybindings[0]).toEqual({
      combo: { key: "t", ctrl: true, alt: true },
      commandId: "TestPack.Example.SayHello",
    });
  });

  it("the command shows the greeting in a toast", () => {
    registered.commands[0].function();
    expect(toasts).toEqual([expect.objectContaining({ summary: "Test Pack", detail: "Hello from ComfyUI!" })]);
  });

  it("setup adds a sidebar tab that renders the pack's name as text and lists presets", async () => {
    registered.setup(comfy.app);
    expect(tabs.map((t) => t.id)).toEqual(["TestPack.Example.Sidebar"]);
    const el = document.createElement("div");
    tabs[0].render(el);
    expect(el.querySelector("h3")?.textContent).toBe("Test Pack");
    await vi.waitFor(() => expect(el.querySelector("[data-role=presets]")?.textContent).toContain("soft: 0.5"));
    expect(comfy.api.fetchApi).toHaveBeenCalledWith("/test-pack/presets");
    expect(comfy.api.addEventListener).toHaveBeenCalledWith("test-pack.preset_applied", expect.any(Function));
  });
});
