// The Tint Image node's colour picker, built with DOM calls: the browser's own colour input.

/** Render a picker showing `value` into `el`; `onPick` gets each colour the user picks. */
export function mountColorPicker(el: HTMLElement, value: string, onPick: (value: string) => void) {
  const input = Object.assign(document.createElement("input"), { type: "color", value });
  input.style.cssText = "width:100%;height:28px;padding:0;border:0;background:none;cursor:pointer";
  input.addEventListener("input", () => onPick(input.value));
  el.replaceChildren(input);
  return {
    show: (shown: string) => void (input.value = shown),
    unmount: () => el.replaceChildren(),
  };
}
