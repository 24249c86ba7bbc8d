// The sidebar tab, rendered by a React component: a greeting button that counts its clicks and, in a
// connected pack, the presets served by the pack's route with a form that saves one.
import { StrictMode, useEffect, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { listPresets, pack, type Preset, reason, saidHello, savePreset, sayHello } from "./example";
import styles from "./sidebar.module.css";

export function Panel() {
  const [count, setCount] = useState(0);
  return (
    <div className={styles.panel}>
      <h3>{pack.name}</h3>
      <p>Press Ctrl+Alt+T, or this button, to say hello.</p>
      <button
        type="button"
        onClick={() => {
          sayHello();
          setCount((n) => n + 1);
        }}
      >
        Say hello
      </button>
      <p className={styles.count} data-role="count">
        {saidHello(count)}
      </p>
      {pack.category === "connected" && <Presets />}
    </div>
  );
}

function Presets() {
  const [presets, setPresets] = useState<Preset[]>([]);
  const [name, setName] = useState("my-preset");
  const [strength, setStrength] = useState("0.5");
  const [status, setStatus] = useState("");
  const refresh = async () => setPresets(await listPresets());

  useEffect(() => {
    refresh().catch((error) => setStatus(`Could not load presets: ${reason(error)}`));
  }, []);

  async function save() {
    try {
      const saved = await savePreset({ name, strength: Number(strength) });
      setStatus(`Saved ${saved.name}. Refresh node definitions (R) to use it.`);
      await refresh();
    } catch (error) {
      setStatus(`Not saved: ${reason(error)}`);
    }
  }

  return (
    <section>
      <h4>Invert presets</h4>
      <ul data-role="presets">
        {presets.map((p) => (
          <li key={p.name}>{`${p.name}: ${p.strength}`}</li>
        ))}
      </ul>
      <input placeholder="name" value={name} onChange={(e) => setName(e.target.value)} />
      <input
        type="number"
        min="0"
        max="1"
        step="0.05"
        value={strength}
        onChange={(e) => setStrength(e.target.value)}
      />
      <button type="button" onClick={save}>
        Save preset
      </button>
      <p data-role="status">{status}</p>
    </section>
  );
}

let root: Root | undefined;

export function renderSidebar(el: HTMLElement): void {
  root?.unmount();
  root = createRoot(el);
  root.render(
    <StrictMode>
      <Panel />
    </StrictMode>,
  );
}

export function destroySidebar(): void {
  root?.unmount();
  root = undefined;
}
