// The React component on its own, as a user clicks it.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { installFakeComfy } from "./fake-comfy";

let comfy: ReturnType<typeof installFakeComfy>;
let Panel: typeof import("../src/sidebar").Panel;

beforeEach(async () => {
  vi.resetModules();
  comfy = installFakeComfy();
  comfy.settings.set("TestPack.Example.Greeting", "Hi");
  ({ Panel } = await import("../src/sidebar"));
});
afterEach(cleanup);

it("counts the clicks on its button, which says hello", async () => {
  render(<Panel />);
  expect(screen.getByText("Said hello 0 times.")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Say hello" }));
  fireEvent.click(screen.getByRole("button", { name: "Say hello" }));
  expect(await screen.findByText("Said hello 2 times.")).toBeTruthy();
  expect(comfy.seen.toasts.map((t) => t.detail)).toEqual(["Hi", "Hi"]);
});

it("saves a preset through the route and shows the server's refusal as text", async () => {
  render(<Panel />);
  expect(await screen.findByText("soft: 0.5")).toBeTruthy();
  comfy.api.fetchApi.mockResolvedValueOnce(new Response(JSON.stringify({ error: "<b>bad</b> name" }), { status: 400 }));
  fireEvent.click(screen.getByRole("button", { name: "Save preset" }));
  expect(await screen.findByText("Not saved: <b>bad</b> name")).toBeTruthy();
  expect(document.querySelector("b")).toBeNull();
});
