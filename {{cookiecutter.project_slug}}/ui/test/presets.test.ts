// The Invert presets extension: its sidebar tab, which talks to the pack's routes, and the node's message.
import pack from "pack-config";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { fakeNodeType, installFakeComfy } from "./fake-comfy";

let comfy: ReturnType<typeof installFakeComfy>;
let tab: HTMLElement;

beforeEach(async () => {
  vi.resetModules();
  comfy = installFakeComfy();
  comfy.api.fetchApi.mockImplementation(async () => new Response(JSON.stringify({ presets: [{ name: "soft", strength: 0.5 }] })));
  await import("../src/extensions/presets");
  comfy.seen.extensions[0].setup(comfy.app);
  tab = document.createElement("div");
  comfy.seen.tabs[0].render(tab);
});
afterEach(() => comfy.seen.tabs[0].destroy());

it("lists the presets the pack's route serves", async () => {
  await vi.waitFor(() => expect(tab.querySelector("[data-role=presets]")?.textContent).toBe("soft: 0.5"));
  expect(comfy.api.fetchApi).toHaveBeenCalledWith(`/${pack.routePrefix}/presets`);
});

it("saves a preset through the route, and shows a refusal as text", async () => {
  await vi.waitFor(() => expect(tab.querySelector("[data-role=presets]")?.textContent).toBe("soft: 0.5"));
  comfy.api.fetchApi.mockResolvedValueOnce(new Response(JSON.stringify({ error: "<b>bad</b> name" }), { status: 400 }));
  [...tab.querySelectorAll("button")].find((b) => b.textContent === "Save preset")!.click();
  await vi.waitFor(() => expect(tab.querySelector("[data-role=status]")?.textContent).toBe("Not saved: <b>bad</b> name"));
  expect(comfy.api.fetchApi).toHaveBeenLastCalledWith(`/${pack.routePrefix}/presets`, expect.objectContaining({ method: "POST" }));
  expect(tab.querySelector("b")).toBeNull();
});

it("shows the node's websocket message on the node, as text", async () => {
  const NodeType = fakeNodeType();
  await comfy.seen.extensions[0].beforeRegisterNodeDef(NodeType, { name: `${pack.nodePrefix}_ApplyPreset` });
  const node: any = new NodeType();
  node.onNodeCreated();
  comfy.app.graph.getNodeById.mockReturnValue(node);
  comfy.listeners.get(`${pack.routePrefix}.preset_applied`)?.({ detail: { node: "2", preset: "<i>x</i>", strength: 1 } });
  expect(node.widgets[0].element.textContent).toBe("Applied preset <i>x</i> (strength 1)");
  expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Applied preset <i>x</i>"]);
});
