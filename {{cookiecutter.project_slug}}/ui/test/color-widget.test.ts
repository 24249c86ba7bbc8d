// The Tint Image node's colour picker, as the front end asks for it.
import pack from "pack-config";
import { beforeEach, expect, it, vi } from "vitest";
import { fakeNodeType, installFakeComfy } from "./fake-comfy";

let node: any;
let widget: any;
const picker = () => widget.element.querySelector("input[type=color]") as HTMLInputElement;
const COLOR = `${pack.nodePrefix.toUpperCase()}_COLOR`; // the Tint Image node's input type
const settle = () => new Promise((resolve) => setTimeout(resolve, 0)); // React and Vue render after a tick

beforeEach(async () => {
  vi.resetModules();
  const comfy = installFakeComfy();
  await import("../src/extensions/color-widget");
  const [extension] = comfy.seen.extensions;
  expect(extension.name).toBe(`${pack.jsPrefix}.ColorWidget`);
  node = new (fakeNodeType())();
  ({ widget } = extension.getCustomWidgets()[COLOR](node, "color", [COLOR, { default: "#ffffff" }]));
  widget.callback = vi.fn();
  await settle();
});

it("is a DOM widget named after the input, showing the input's default", () => {
  expect([widget.name, widget.type, widget.value]).toEqual(["color", COLOR, "#ffffff"]);
  expect(picker().value).toBe("#ffffff");
});

it("takes the colour the user picks, and tells the graph", async () => {
  const input = picker();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, "#00ff00");
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await settle();
  expect(widget.value).toBe("#00ff00");
  expect(widget.callback).toHaveBeenCalledWith("#00ff00");
  expect(picker().value).toBe("#00ff00");
});

it("shows a value set by a loaded workflow, and goes when the node does", async () => {
  widget.value = "#123456";
  await settle();
  expect(picker().value).toBe("#123456");
  node.onRemoved();
  await settle();
  expect(widget.element.children).toHaveLength(0);
});
