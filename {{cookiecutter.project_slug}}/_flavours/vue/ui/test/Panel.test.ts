// The Vue component on its own, as a user clicks it.
import { flushPromises, mount } from "@vue/test-utils";
import { beforeEach, expect, it, vi } from "vitest";
import { installFakeComfy } from "./fake-comfy";

let comfy: ReturnType<typeof installFakeComfy>;
let Panel: typeof import("../src/Panel.vue").default;

beforeEach(async () => {
  vi.resetModules();
  comfy = installFakeComfy();
  comfy.settings.set("TestPack.Example.Greeting", "Hi");
  Panel = (await import("../src/Panel.vue")).default;
});

it("counts the clicks on its button, which says hello", async () => {
  const panel = mount(Panel);
  expect(panel.get("[data-role=count]").text()).toBe("Said hello 0 times.");
  const hello = panel.findAll("button").find((b) => b.text() === "Say hello")!;
  await hello.trigger("click");
  await hello.trigger("click");
  expect(panel.get("[data-role=count]").text()).toBe("Said hello 2 times.");
  expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Hi", "Hi"]);
});

it("saves a preset through the route and shows the server's refusal as text", async () => {
  const panel = mount(Panel);
  await flushPromises();
  expect(panel.get("[data-role=presets]").text()).toBe("soft: 0.5");
  comfy.api.fetchApi.mockResolvedValueOnce(new Response(JSON.stringify({ error: "<b>bad</b> name" }), { status: 400 }));
  await panel.findAll("button").find((b) => b.text() === "Save preset")!.trigger("click");
  await flushPromises();
  expect(panel.get("[data-role=status]").text()).toBe("Not saved: <b>bad</b> name");
  expect(panel.find("b").exists()).toBe(false);
});
