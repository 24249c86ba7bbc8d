"""Before and after publishing to the Comfy Registry.

    python tests/publish_check.py                    # before: ready to publish?
    python tests/publish_check.py --status 1.2.3     # after: the registry's verdict on version 1.2.3

Before, it stops, with what to change, while pyproject.toml still holds the template's placeholders or its
Icon URL does not answer (the repository is not pushed yet). After, it asks the registry for the version's
status every few seconds for some minutes: active passes; still pending passes with a warning; flagged,
banned or deleted fails with the reason the registry gives (ComfyUI-Manager refuses to install a flagged
version). The README's publish steps{{ " and the publish job of .github/workflows/tests.yml" if has("github_actions") }} run it.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    sys.exit("publish_check.py needs Python 3.11 or newer (for tomllib)")

PLACEHOLDERS = ("your-github-user", "your-publisher-id")
REGISTRY_API = "https://api.comfy.org"
REFUSED = {"NodeVersionStatusFlagged", "NodeVersionStatusBanned", "NodeVersionStatusDeleted"}


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


def verdict(node_id: str, version: str, api: str, wait: float, every: float) -> tuple[bool, str]:
    """(passed, what to say), once the registry's status for the version is known or ``wait`` seconds passed."""
    url = f"{api}/nodes/{node_id}/versions/{version}"
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 (https, or a test's http://127.0.0.1)
                found = json.loads(answer.read())
        except urllib.error.HTTPError as exc:
            if exc.code != 404:  # not listed yet: wait
                return False, f"the registry answered {exc.code} for {url}"
            found = {}
        status = found.get("status", "")
        if status == "NodeVersionStatusActive":
            return True, f"{node_id} {version} is active on the registry"
        if status in REFUSED:
            why = found.get("status_reason") or "the registry gives no reason"
            return False, f"{node_id} {version} is {status.removeprefix('NodeVersionStatus').lower()}: {why}"
        if time.monotonic() >= deadline:
            state = status.removeprefix("NodeVersionStatus").lower() or "not listed"
            return True, f"warning: {node_id} {version} is still {state} after {wait:.0f} s: look again later"
        time.sleep(every)


def main() -> int:
    parser = argparse.ArgumentParser(description="Before and after publishing to the Comfy Registry.")
    parser.add_argument("--status", metavar="VERSION", help="the registry's verdict on a published version")
    parser.add_argument("--api", default=REGISTRY_API, help="the registry's API (default %(default)s)")
    parser.add_argument("--wait", type=float, default=300, help="seconds to wait for a verdict (default %(default)s)")
    parser.add_argument("--every", type=float, default=10, help="seconds between two asks (default %(default)s)")
    args = parser.parse_args()
    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    if args.status:
        passed, message = verdict(pyproject["project"]["name"], args.status, args.api, args.wait, args.every)
        annotation = "error" if not passed else "warning" if message.startswith("warning") else "notice"
        print(f"::{annotation}::{message}" if os.environ.get("GITHUB_ACTIONS") else message, file=sys.stderr)
        return 0 if passed else 1
    found = problems(pyproject)
    for problem in found:
        print(f"Not ready to publish: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
