// The Hello sidebar tab, a React component: a button that says hello and counts its clicks.
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import styles from "./panel.module.css";
import { stylesheet } from "./stylesheet";

type Props = { title: string; onHello: () => void };

export function HelloPanel({ title, onHello }: Props) {
  const [count, setCount] = useState(0);
  return (
    <div className={styles.panel}>
      <h3>{title}</h3>
      <p>Press Ctrl+Alt+T, or this button, to say hello.</p>
      <button
        type="button"
        onClick={() => {
          onHello();
          setCount((n) => n + 1);
        }}
      >
        Say hello
      </button>
      <p className={styles.count} data-role="count">
        {`Said hello ${count} time${count === 1 ? "" : "s"}.`}
      </p>
    </div>
  );
}

/** Render the tab into `el`; returns what takes it down again. */
export function mountHelloPanel(el: HTMLElement, props: Props): () => void {
  const mount = document.createElement("div");
  el.replaceChildren(stylesheet(), mount);
  const root = createRoot(mount);
  root.render(
    <StrictMode>
      <HelloPanel {...props} />
    </StrictMode>,
  );
  return () => {
    root.unmount();
    el.replaceChildren();
  };
}
