"""Rebuild the front-end builds the template ships: one per kind of pack and front end that has a build step.

A build holds no pack's names (it imports them from web/pack.js), so every pack of one kind and front end
builds the same bytes. The template ships them in
verbatim/frontend=<flavour>,node_category=<kind>/web/dist/ (copied by the post-gen hook), and records in
scripts/bundle-sources.json a hash of the sources each was built from: the fast tier fails when a source has
changed since (no npm needed), and the tools tier checks that a pack's own `npm run build` gives those bytes.
Which kinds and front ends have a build comes from cookiecutter.json and extension.py. Run this after
changing anything the builds come from (ui/, the flavours' sources, package locks, the Vite config):

    .venv/bin/python scripts/build-bundles.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent
VERBATIM = TEMPLATE / "verbatim"
RECORD = TEMPLATE / "scripts" / "bundle-sources.json"


def built() -> list[tuple[str, str]]:
    """(front end, kind) of every pack that has a built front end."""
    sys.path.insert(0, str(TEMPLATE))
    from local_extensions import load

    ext = load(TEMPLATE / "extension.py")
    defaults = {k: v[0] for k, v in ext.CHOICES.items()}
    return [(flavour, kind) for flavour in ext.CHOICES["frontend"] for kind in ext.CHOICES["node_category"]
            if "built" in ext.features({**defaults, "frontend": flavour, "node_category": kind})]  # fmt: skip


def sources_hash(pack: Path) -> str:
    """A hash of what a pack's build is made from: everything in ui/ but its tests and node_modules."""
    digest = hashlib.sha256()
    for path in sorted((pack / "ui").rglob("*")):
        rel = path.relative_to(pack).as_posix()
        if path.is_file() and not rel.startswith(("ui/test/", "ui/node_modules/")):
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(flavour: str, kind: str) -> str:
    return f"frontend={flavour},node_category={kind}"


def main() -> int:
    from cookiecutter.main import cookiecutter

    record = {}
    with tempfile.TemporaryDirectory() as tmp:
        for flavour, kind in built():
            pack = Path(cookiecutter(str(TEMPLATE), no_input=True, output_dir=str(Path(tmp, key(flavour, kind))),
                                     extra_context={"frontend": flavour, "node_category": kind}))  # fmt: skip
            for args in (["ci", "--no-audit", "--no-fund", "--prefer-offline"], ["run", "build"]):
                subprocess.run(["npm", *args], cwd=pack / "ui", check=True, capture_output=True)
            target = VERBATIM / key(flavour, kind) / "web" / "dist"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(pack / "web" / "dist", target)
            record[key(flavour, kind)] = sources_hash(pack)
            sizes = ", ".join(f"{p.name} {p.stat().st_size} B" for p in sorted(target.iterdir()))
            print(f"{flavour}/{kind}: {sizes}", file=sys.stderr)
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
