// The Invert presets sidebar tab, a React component: the user's presets, and a form that saves one.
// React shows server text as text, never as HTML.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Preset } from "./extensions/presets";
import styles from "./panel.module.css";
import { stylesheet } from "./stylesheet";

type Props = { list: () => Promise<Preset[]>; save: (preset: Preset) => Promise<Preset> };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function PresetsPanel({ list, save }: Props) {
  const [presets, setPresets] = useState<Preset[]>([]);
  const [name, setName] = useState("my-preset");
  const [strength, setStrength] = useState("0.5");
  const [status, setStatus] = useState("");
  const refresh = async () => setPresets(await list());

  useEffect(() => {
    refresh().catch((error) => setStatus(`Could not load presets: ${reason(error)}`));
  }, []);

  async function onSave() {
    try {
      const saved = await save({ name, strength: Number(strength) });
      setStatus(`Saved ${saved.name}. Refresh node definitions (R) to use it.`);
      await refresh();
    } catch (error) {
      setStatus(`Not saved: ${reason(error)}`);
    }
  }

  return (
    <div className={styles.panel}>
      <h3>Invert presets</h3>
      <ul data-role="presets">
        {presets.map((p) => (
          <li key={p.name}>{`${p.name}: ${p.strength}`}</li>
        ))}
      </ul>
      <input placeholder="name" value={name} onChange={(e) => setName(e.target.value)} />
      <input type="number" min="0" max="1" step="0.05" value={strength} onChange={(e) => setStrength(e.target.value)} />
      <button type="button" onClick={onSave}>
        Save preset
      </button>
      <p data-role="status">{status}</p>
    </div>
  );
}

/** Render the tab into `el`; returns what takes it down again. */
export function mountPresetsPanel(el: HTMLElement, props: Props): () => void {
  const mount = document.createElement("div");
  el.replaceChildren(stylesheet(), mount);
  const root = createRoot(mount);
  root.render(
    <StrictMode>
      <PresetsPanel {...props} />
    </StrictMode>,
  );
  return () => {
    root.unmount();
    el.replaceChildren();
  };
}
