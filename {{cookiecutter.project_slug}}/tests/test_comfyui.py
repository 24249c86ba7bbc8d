"""The pack inside a real ComfyUI (opt-in: see conftest.py): it loads without error."""

from pathlib import Path

PACK_DIR = Path(__file__).resolve().parent.parent


def test_the_pack_loads_without_error(comfyui):
    text = comfyui.log.read_text(encoding="utf-8", errors="replace")
    ours = [line for line in text.splitlines() if PACK_DIR.name in line]
    assert ours, "ComfyUI did not try to load the pack"
    failed = ("IMPORT FAILED", "Cannot import", "Error while calling")
    assert not [line for line in ours if any(f in line for f in failed)], text[-3000:]
