// web/color-widget.js: the Tint Image node's colour picker, as the front end asks for it.
import { beforeEach, expect, it, vi } from "vitest";
import { fakeNodeType, installFakeComfy } from "./fake-comfy.js";

/** @type {any} */
let widget;

beforeEach(async () => {
  vi.resetModules();
  const comfy = installFakeComfy();
  await import("../../web/color-widget.js");
  const [extension] = comfy.seen.extensions;
  expect(extension.name).toBe("{{ cookiecutter.__js_prefix }}.ColorWidget");
  const make = extension.getCustomWidgets()["{{ cookiecutter.node_prefix | upper }}_COLOR"];
  const node = new (fakeNodeType())();
  ({ widget } = make(node, "color", ["{{ cookiecutter.node_prefix | upper }}_COLOR", { default: "#ffffff" }]));
  widget.callback = vi.fn();
});

it("is a DOM widget named after the input, showing the input's default", () => {
  expect([widget.name, widget.type, widget.value]).toEqual(["color", "{{ cookiecutter.node_prefix | upper }}_COLOR", "#ffffff"]);
  expect(widget.element.type).toBe("color");
});

it("takes the colour the user picks, and tells the graph", () => {
  widget.element.value = "#00ff00";
  widget.element.dispatchEvent(new Event("input"));
  expect(widget.value).toBe("#00ff00");
  expect(widget.callback).toHaveBeenCalledWith("#00ff00");
});

it("shows a value set by a loaded workflow", () => {
  widget.value = "#123456";
  expect(widget.element.value).toBe("#123456");
});
