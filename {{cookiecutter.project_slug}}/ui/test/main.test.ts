// The extension as ComfyUI's front end sees it: what it registers, and what its sidebar tab does.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { installFakeComfy } from "./fake-comfy";

describe("the pack's extension", () => {
  let comfy: ReturnType<typeof installFakeComfy>;

  beforeEach(async () => {
    vi.resetModules();
    document.head.replaceChildren();
    comfy = installFakeComfy();
    await import("../src/main");
  });

  it("registers one prefixed extension with a setting, a command and its keybinding", () => {
    const ext = comfy.seen.extension;
    expect(ext.name).toBe("TestPack.Example");
    expect(ext.settings).toEqual([
      expect.objectContaining({ id: "TestPack.Example.Greeting", type: "text", defaultValue: "Hello from ComfyUI!" }),
    ]);
    expect(ext.commands.map((c: any) => c.id)).toEqual(["TestPack.Example.SayHello"]);
    expect(ext.keybindings).toEqual([{ combo: { key: "t", ctrl: true, alt: true }, commandId: "TestPack.Example.SayHello" }]);
  });

  it("links its stylesheet from next to the built module", () => {
    const links = [...document.head.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")];
    expect(links.map((l) => new URL(l.href).pathname.split("/").pop())).toEqual(["main.css"]);
  });

  it("the command shows the greeting setting in a toast", () => {
    comfy.seen.extension.commands[0].function();
    expect(comfy.seen.toasts).toEqual([expect.objectContaining({ summary: "Test Pack", detail: "Hello from ComfyUI!" })]);
  });

  it("setup adds a sidebar tab whose button says hello and counts the clicks", async () => {
    comfy.seen.extension.setup(comfy.app);
    expect(comfy.seen.tabs.map((t) => t.id)).toEqual(["TestPack.Example.Sidebar"]);
    const el = document.createElement("div");
    comfy.seen.tabs[0].render(el);
    await vi.waitFor(() => expect(el.querySelector("h3")?.textContent).toBe("Test Pack"));
    expect(el.querySelector("[data-role=count]")?.textContent).toBe("Said hello 0 times.");
    [...el.querySelectorAll("button")].find((b) => b.textContent === "Say hello")!.click();
    await vi.waitFor(() => expect(el.querySelector("[data-role=count]")?.textContent).toBe("Said hello 1 time."));
    expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Hello from ComfyUI!"]);
    comfy.seen.tabs[0].destroy();
    await vi.waitFor(() => expect(el.childElementCount).toBe(0));
  });

  it("a connected pack's tab lists the presets its route serves and listens for its websocket message", async () => {
    comfy.seen.extension.setup(comfy.app);
    const el = document.createElement("div");
    comfy.seen.tabs[0].render(el);
    await vi.waitFor(() => expect(el.querySelector("[data-role=presets]")?.textContent).toContain("soft: 0.5"));
    expect(comfy.api.fetchApi).toHaveBeenCalledWith("/test-pack/presets");
    expect(comfy.api.addEventListener).toHaveBeenCalledWith("test-pack.preset_applied", expect.any(Function));
    comfy.seen.tabs[0].destroy();
  });
});
