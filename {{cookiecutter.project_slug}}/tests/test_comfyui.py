"""The pack inside a real ComfyUI (opt-in: see conftest.py): it loads without error, and ComfyUI serves
its front end, if it has one, to the page."""

from pathlib import Path

PACK_DIR = Path(__file__).resolve().parent.parent


def test_the_pack_loads_without_error(comfyui):
    text = comfyui.log.read_text(encoding="utf-8", errors="replace")
    ours = [line for line in text.splitlines() if PACK_DIR.name in line]
    assert ours, "ComfyUI did not try to load the pack"
    failed = ("IMPORT FAILED", "Cannot import", "Error while calling")
    assert not [line for line in ours if any(f in line for f in failed)], text[-3000:]


def test_every_javascript_file_of_the_pack_is_served_to_the_page(comfyui):
    web = PACK_DIR / "web"
    files = sorted(f"/extensions/{PACK_DIR.name}/{p.relative_to(web).as_posix()}" for p in web.rglob("*.js"))
    served = sorted(s for s in comfyui.get("/extensions") if s.startswith(f"/extensions/{PACK_DIR.name}/"))
    assert served == files
