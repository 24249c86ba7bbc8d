// web/presets.js: the presets tab, which talks to the pack's routes, and the node's websocket message.
import { beforeEach, expect, it, vi } from "vitest";
import { fakeNodeType, installFakeComfy } from "./fake-comfy.js";

/** @type {ReturnType<typeof installFakeComfy>} */
let comfy;
/** @type {HTMLElement} */
let tab;

beforeEach(async () => {
  vi.resetModules();
  comfy = installFakeComfy();
  comfy.api.fetchApi.mockImplementation(async () => new Response(JSON.stringify({ presets: [{ name: "soft", strength: 0.5 }] })));
  await import("../../web/presets.js");
  comfy.seen.extensions[0].setup(comfy.app);
  tab = document.createElement("div");
  comfy.seen.tabs[0].render(tab);
});

it("lists the presets the pack's route serves", async () => {
  await vi.waitFor(() => expect(tab.querySelector("[data-role=presets]")?.textContent).toBe("soft: 0.5"));
  expect(comfy.api.fetchApi).toHaveBeenCalledWith("/{{ cookiecutter.__route_prefix }}/presets");
});

it("saves a preset through the route, and shows a refusal as text", async () => {
  comfy.api.fetchApi.mockResolvedValueOnce(new Response(JSON.stringify({ error: "<b>bad</b> name" }), { status: 400 }));
  [...tab.querySelectorAll("button")].find((b) => b.textContent === "Save preset")?.click();
  await vi.waitFor(() => expect(tab.querySelector("[data-role=status]")?.textContent).toBe("Not saved: <b>bad</b> name"));
  expect(tab.querySelector("b")).toBeNull();
});

it("shows the node's websocket message on the node, as text", async () => {
  const NodeType = fakeNodeType();
  await comfy.seen.extensions[0].beforeRegisterNodeDef(NodeType, { name: "{{ cookiecutter.node_prefix }}_ApplyPreset" });
  const node = new NodeType();
  /** @type {any} */ (node).onNodeCreated();
  comfy.app.graph.getNodeById.mockReturnValue(node);
  comfy.listeners.get("{{ cookiecutter.__route_prefix }}.preset_applied")?.({ detail: { node: "2", preset: "<i>x</i>", strength: 1 } });
  expect(node.widgets[0].element.textContent).toBe("Applied preset <i>x</i> (strength 1)");
  expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Applied preset <i>x</i>"]);
});
