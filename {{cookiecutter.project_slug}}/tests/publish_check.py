"""Before publishing to the Comfy Registry: stop, with what to change, while pyproject.toml still holds the
template's placeholders or its Icon URL does not answer (the repository is not pushed yet).

    python tests/publish_check.py

The README's publish steps and .github/workflows/publish.yml run it. Standard library only.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    sys.exit("publish_check.py needs Python 3.11 or newer (for tomllib)")

PLACEHOLDERS = ("your-github-user", "your-publisher-id")


def problems(pyproject: dict) -> list[str]:
    comfy, urls = pyproject["tool"]["comfy"], pyproject["project"]["urls"]
    found = []
    publisher = comfy.get("PublisherId", "")
    if publisher in PLACEHOLDERS or not re.fullmatch(r"[a-z][a-z0-9-]*", publisher):
        found.append(f"[tool.comfy] PublisherId = {publisher!r}: set it to your Comfy Registry publisher id")
    named = {"[project.urls] Repository": urls.get("Repository", ""), "[tool.comfy] Icon": comfy.get("Icon", "")}
    for name, url in named.items():
        if any(p in url for p in PLACEHOLDERS):
            found.append(f"{name} = {url!r}: it still names the template's placeholder user")
    icon = comfy.get("Icon", "")
    if icon and not found:
        try:
            with urllib.request.urlopen(urllib.request.Request(icon, method="HEAD"), timeout=15):  # noqa: S310
                pass
        except (urllib.error.URLError, OSError) as exc:
            found.append(f"[tool.comfy] Icon = {icon!r} does not answer ({exc}): push the repository first")
    return found


def main() -> int:
    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    found = problems(pyproject)
    for problem in found:
        print(f"Not ready to publish: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
