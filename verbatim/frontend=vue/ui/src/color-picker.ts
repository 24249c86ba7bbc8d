// Mounts the Tint Image node's colour picker, a Vue component (ColorPicker.vue).
import { createApp, h, ref } from "vue";
import ColorPicker from "./ColorPicker.vue";

/** Render a picker showing `value` into `el`; `onPick` gets each colour the user picks. */
export function mountColorPicker(el: HTMLElement, value: string, onPick: (value: string) => void) {
  const shown = ref(value);
  const picker = createApp({
    render: () =>
      h(ColorPicker, {
        value: shown.value,
        onPick: (picked: string) => {
          shown.value = picked;
          onPick(picked);
        },
      }),
  });
  picker.mount(el);
  return {
    show: (loaded: string) => void (shown.value = loaded),
    unmount: () => picker.unmount(),
  };
}
