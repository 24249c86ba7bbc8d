// The Tint Image node's colour picker, a React component: the browser's own colour input.
import { createRoot } from "react-dom/client";

type Props = { value: string; onPick: (value: string) => void };

export function ColorPicker({ value, onPick }: Props) {
  return (
    <input
      type="color"
      value={value}
      onChange={(event) => onPick(event.target.value)}
      style={{ width: "100%", height: 28, padding: 0, border: 0, background: "none", cursor: "pointer" }}
    />
  );
}

/** Render a picker showing `value` into `el`; `onPick` gets each colour the user picks. */
export function mountColorPicker(el: HTMLElement, value: string, onPick: (value: string) => void) {
  const root = createRoot(el);
  const show = (shown: string) =>
    root.render(
      <ColorPicker
        value={shown}
        onPick={(picked) => {
          show(picked);
          onPick(picked);
        }}
      />,
    );
  show(value);
  return { show, unmount: () => root.unmount() };
}
