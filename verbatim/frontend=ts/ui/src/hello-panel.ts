// The Hello sidebar tab, built with DOM calls: a button that says hello and counts its clicks.
import styles from "./panel.module.css";
import { stylesheet } from "./stylesheet";

const saidHello = (count: number) => `Said hello ${count} time${count === 1 ? "" : "s"}.`;

/** Render the tab into `el`; returns what takes it down again. */
export function mountHelloPanel(el: HTMLElement, props: { title: string; onHello: () => void }): () => void {
  let count = 0;
  const said = Object.assign(document.createElement("p"), { className: styles.count, textContent: saidHello(count) });
  said.dataset.role = "count";
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: "Say hello" });
  button.addEventListener("click", () => {
    props.onHello();
    said.textContent = saidHello(++count);
  });
  const panel = Object.assign(document.createElement("div"), { className: styles.panel });
  panel.append(
    Object.assign(document.createElement("h3"), { textContent: props.title }),
    Object.assign(document.createElement("p"), { textContent: "Press Ctrl+Alt+T, or this button, to say hello." }),
    button,
    said,
  );
  el.replaceChildren(stylesheet(), panel);
  return () => el.replaceChildren();
}
