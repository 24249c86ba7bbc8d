// web/stats.js: the Image Stats node's measurements, shown on the node.
import { beforeEach, expect, it, vi } from "vitest";
import { fakeNodeType, installFakeComfy } from "./fake-comfy.js";

/** @type {any} */
let node;

beforeEach(async () => {
  vi.resetModules();
  const comfy = installFakeComfy();
  await import("../../web/stats.js");
  const NodeType = fakeNodeType();
  await comfy.seen.extensions[0].beforeRegisterNodeDef(NodeType, { name: "{{ cookiecutter.node_prefix }}_ImageStats" });
  node = new NodeType();
  /** @type {any} */ (node).onNodeCreated();
});

it("gives the node a text block of the pack's own widget type, left out of saved workflows", () => {
  expect(node.widgets.map((/** @type {any} */ w) => [w.name, w.type, w.serialize])).toEqual([
    ["{{ cookiecutter.__js_prefix }}_display", "{{ cookiecutter.__js_prefix }}_display", false],
  ]);
});

it("shows each run's result on the node, as text", () => {
  node.onExecuted({ text: ["1 x 64x64, 3 channels <b>bold</b>"] });
  expect(node.widgets[0].element.textContent).toBe("1 x 64x64, 3 channels <b>bold</b>");
  expect(node.widgets[0].element.querySelector("b")).toBeNull();
});
