"""The pack's front end in a real ComfyUI (opt-in: see conftest.py): every JavaScript file reaches the page."""

from pathlib import Path

PACK_DIR = Path(__file__).resolve().parent.parent


def test_every_javascript_file_of_the_pack_is_served_to_the_page(comfyui):
    web = PACK_DIR / "web"
    files = sorted(f"/extensions/{PACK_DIR.name}/{p.relative_to(web).as_posix()}" for p in web.rglob("*.js"))
    served = sorted(s for s in comfyui.get("/extensions") if s.startswith(f"/extensions/{PACK_DIR.name}/"))
    assert served == files
