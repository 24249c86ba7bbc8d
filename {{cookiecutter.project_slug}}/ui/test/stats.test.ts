// The Image Stats extension: the node's measurements, shown on the node.
import pack from "pack-config";
import { beforeEach, expect, it, vi } from "vitest";
import { fakeNodeType, installFakeComfy } from "./fake-comfy";

let node: any;

beforeEach(async () => {
  vi.resetModules();
  const comfy = installFakeComfy();
  await import("../src/extensions/stats");
  const NodeType = fakeNodeType();
  await comfy.seen.extensions[0].beforeRegisterNodeDef(NodeType, { name: `${pack.nodePrefix}_ImageStats` });
  node = new NodeType();
  node.onNodeCreated();
});

it("gives the node a text block of the pack's own widget type, left out of saved workflows", () => {
  expect(node.widgets.map((w: any) => [w.name, w.type, w.serialize])).toEqual([
    [`${pack.jsPrefix}_display`, `${pack.jsPrefix}_display`, false],
  ]);
});

it("shows each run's result on the node, as text", () => {
  node.onExecuted({ text: ["1 x 64x64, 3 channels <b>bold</b>"] });
  expect(node.widgets[0].element.textContent).toBe("1 x 64x64, 3 channels <b>bold</b>");
  expect(node.widgets[0].element.querySelector("b")).toBeNull();
});
