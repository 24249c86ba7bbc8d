"""Static checks of the front-end files: ComfyUI runs every .js under web/ in the browser."""

import re
from pathlib import Path
from urllib.parse import urljoin

WEB = Path(__file__).resolve().parent.parent / "web"
SCRIPTS = sorted(WEB.rglob("*.js"))


{%- if cookiecutter.frontend == "ts" %}
# web/dist/main.js is built from ui/src (npm run build); web/pack.js holds this pack's own values.
{%- endif %}


def test_web_holds_only_browser_modules_and_help_pages():
    for path in WEB.rglob("*"):
        if path.is_file():
            assert path.suffix == ".js" or path.relative_to(WEB).parts[0] == "docs", path


def test_imports_of_comfy_scripts_resolve_from_the_served_url():
    # ComfyUI serves web/<file> at /extensions/<pack folder>/<file>.
    assert SCRIPTS
    for path in SCRIPTS:
        served = "http://comfy/extensions/pack/" + path.relative_to(WEB).as_posix()
        for spec in re.findall(r'from\s+"([^"]*scripts/[^"]+)"', path.read_text(encoding="utf-8")):
            assert urljoin(served, spec) in {"http://comfy/scripts/app.js", "http://comfy/scripts/api.js"}, spec


def test_extension_names_are_prefixed():
{%- if cookiecutter.frontend == "ts" %}
    assert 'jsPrefix: "{{ cookiecutter.js_prefix }}"' in (WEB / "pack.js").read_text(encoding="utf-8")
    assert "name: `${pack.jsPrefix}.Example`" in (WEB / "dist" / "main.js").read_text(encoding="utf-8")
{%- else %}
    registered = re.compile(r'registerExtension\(\{\s*name:\s*"([^"]+)"')
    names = [n for p in SCRIPTS for n in registered.findall(p.read_text(encoding="utf-8"))]
    assert names and all(n.startswith("{{ cookiecutter.js_prefix }}.") for n in names)
{%- endif %}


def test_no_html_injection_sinks():
    for path in SCRIPTS:
        text = path.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{path.name} uses {sink}"
