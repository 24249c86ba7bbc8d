"""Static checks of the front-end files: ComfyUI runs every .js under web/ in the browser."""

import re
from pathlib import Path
from urllib.parse import urljoin

WEB = Path(__file__).resolve().parent.parent / "web"
SCRIPTS = sorted(WEB.rglob("*.js"))


{%- if cookiecutter.frontend != "js" %}
# web/dist/main.js and main.css are built from ui/src (npm run build); web/pack.js holds this pack's own values.
UI_SOURCES = sorted(p for p in (WEB.parent / "ui" / "src").rglob("*") if p.is_file())
{%- endif %}


def test_web_holds_only_browser_modules_and_help_pages():
    for path in WEB.rglob("*"):
        if path.is_file():
            allowed = {{ '(".js",)' if cookiecutter.frontend == "js" else '(".js", ".css")' }}
            assert path.suffix in allowed or path.relative_to(WEB).parts[0] == "docs", path


def test_imports_of_comfy_scripts_resolve_from_the_served_url():
    # ComfyUI serves web/<file> at /extensions/<pack folder>/<file>.
    assert SCRIPTS
    for path in SCRIPTS:
        served = "http://comfy/extensions/pack/" + path.relative_to(WEB).as_posix()
        for spec in re.findall(r'from\s+"([^"]*scripts/[^"]+)"', path.read_text(encoding="utf-8")):
            assert urljoin(served, spec) in {"http://comfy/scripts/app.js", "http://comfy/scripts/api.js"}, spec


def test_extension_names_are_prefixed():
{%- if cookiecutter.frontend != "js" %}
    assert 'jsPrefix: "{{ cookiecutter.js_prefix }}"' in (WEB / "pack.js").read_text(encoding="utf-8")
    source = (WEB.parent / "ui" / "src" / "example.ts").read_text(encoding="utf-8")
    assert "extension: `${pack.jsPrefix}.Example`" in source
    assert 'from"../pack.js"' in (WEB / "dist" / "main.js").read_text(encoding="utf-8")
{%- else %}
    registered = re.compile(r'registerExtension\(\{\s*name:\s*"([^"]+)"')
    names = [n for p in SCRIPTS for n in registered.findall(p.read_text(encoding="utf-8"))]
    assert names and all(n.startswith("{{ cookiecutter.js_prefix }}.") for n in names)
{%- endif %}


SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "dangerouslySetInnerHTML", "v-html")


def test_no_html_injection_sinks():
{%- if cookiecutter.frontend == "js" %}
    sources = SCRIPTS
{%- else %}
    sources = UI_SOURCES  # the bundle also holds the framework, which has its own (guarded) uses
    assert sources
{%- endif %}
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for sink in SINKS:
            assert sink not in text, f"{path.name} uses {sink}"
