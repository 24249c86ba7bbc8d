"""Rebuild the front-end builds the template ships: one per built front end and kind of pack.

A build holds no pack's names (it imports them from web/pack.js), so every pack of one kind and front end
builds the same bytes. The template ships them in
{{cookiecutter.project_slug}}/_alternatives/frontend=<flavour>,node_category=<kind>/web/dist/, and the tests
check that a pack's own `npm run build` gives those bytes. Run this after changing anything the builds come
from (ui/, the flavours' sources, package locks):

    .venv/bin/python scripts/build-bundles.py
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cookiecutter.main import cookiecutter

TEMPLATE = Path(__file__).resolve().parent.parent
ALTERNATIVES = TEMPLATE / "{{cookiecutter.project_slug}}" / "_alternatives"
FLAVOURS = ["ts", "react", "vue"]
KINDS = ["client", "independent", "connected"]


def build(flavour: str, kind: str, work: Path) -> Path:
    pack = Path(cookiecutter(str(TEMPLATE), no_input=True, output_dir=str(work / f"{flavour}-{kind}"),
                             extra_context={"frontend": flavour, "node_category": kind}))  # fmt: skip
    for args in (["ci", "--no-audit", "--no-fund", "--prefer-offline"], ["run", "build"]):
        subprocess.run(["npm", *args], cwd=pack / "ui", check=True, capture_output=True)
    return pack / "web" / "dist"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for flavour, kind in itertools.product(FLAVOURS, KINDS):
            dist = build(flavour, kind, Path(tmp))
            target = ALTERNATIVES / f"frontend={flavour},node_category={kind}" / "web" / "dist"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(dist, target)
            sizes = ", ".join(f"{p.name} {p.stat().st_size} B" for p in sorted(target.iterdir()))
            print(f"{flavour}/{kind}: {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
