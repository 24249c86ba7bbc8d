// What the example extension does, shared by its registration (main.ts) and its sidebar (sidebar.*).
// Server data is always shown as text, never as HTML.
import pack from "pack-config";
import { api, app } from "./comfy";

export { pack };

export const ids = {
  extension: `${pack.jsPrefix}.Example`,
  greeting: `${pack.jsPrefix}.Example.Greeting`,
  sayHello: `${pack.jsPrefix}.Example.SayHello`,
  sidebar: `${pack.jsPrefix}.Example.Sidebar`,
  textWidget: `${pack.jsPrefix}_text`,
  statsNode: `${pack.nodePrefix}_ImageStats`,
  presetApplied: `${pack.routePrefix}.preset_applied`,
};

export type Preset = { name: string; strength: number };

/** Show the greeting setting in a toast; bound to a command, a key and a sidebar button. */
export function sayHello(): string {
  const greeting = String(app.extensionManager.setting.get(ids.greeting));
  app.extensionManager.toast.add({ severity: "info", summary: pack.name, detail: greeting, life: 3000 });
  return greeting;
}

export const saidHello = (count: number): string => `Said hello ${count} time${count === 1 ? "" : "s"}.`;

/** The message of an error, for a status line. */
export const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function json<T>(response: Response): Promise<T> {
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data as T;
}

/** The presets the pack's route serves (connected packs). */
export async function listPresets(): Promise<Preset[]> {
  return (await json<{ presets: Preset[] }>(await api.fetchApi(`/${pack.routePrefix}/presets`))).presets;
}

/** Save a preset through the pack's route; the server checks it and answers with what it stored. */
export async function savePreset(preset: Preset): Promise<Preset> {
  const init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(preset) };
  return json<Preset>(await api.fetchApi(`/${pack.routePrefix}/presets`, init));
}
