"""Invert presets stored as small JSON files in the pack's own ``presets/`` folder.

Every path is built from a checked name and confirmed to stay inside that folder, so no request
can read or write anywhere else.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

PRESETS_DIR = Path(__file__).resolve().parent.parent / "presets"
NAME_RULE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
NAME_HELP = "1-64 letters, digits, '-' or '_', starting with a letter or digit"


class PresetError(ValueError):
    """A preset name or value that is not acceptable; the message is meant for the user."""


def _path(name: object) -> Path:
    if not isinstance(name, str) or not NAME_RULE.fullmatch(name):
        raise PresetError(f"preset name must be {NAME_HELP}")
    path = (PRESETS_DIR / f"{name}.json").resolve()
    if path.parent != PRESETS_DIR.resolve():  # belt and braces: the rule above already forbids this
        raise PresetError("preset name must not leave the presets folder")
    return path


def check_strength(strength: object) -> float:
    if isinstance(strength, bool) or not isinstance(strength, (int, float)):
        raise PresetError("strength must be a number")
    if not 0.0 <= strength <= 1.0:
        raise PresetError(f"strength must be between 0 and 1, got {strength}")
    return float(strength)


def names() -> list[str]:
    """Names of the saved presets, sorted."""
    if not PRESETS_DIR.is_dir():
        return []
    return sorted(p.stem for p in PRESETS_DIR.glob("*.json") if NAME_RULE.fullmatch(p.stem))


def check_name(name: str | None) -> bool | str:
    """True if ``name`` is a saved preset (or not known yet: a linked input), else a message for the user."""
    if name is None or name in names():
        return True
    return f"unknown preset {name!r}; saved presets: {', '.join(names()) or 'none'}"


def load(name: str) -> dict:
    """The preset ``name`` as ``{"name", "strength"}``; FileNotFoundError if it does not exist."""
    data = json.loads(_path(name).read_text(encoding="utf-8"))
    return {"name": name, "strength": check_strength(data.get("strength"))}


def save(name: str, strength: float) -> dict:
    """Create or replace the preset ``name``; returns what was saved."""
    path = _path(name)
    preset = {"name": name, "strength": check_strength(strength)}
    PRESETS_DIR.mkdir(exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=PRESETS_DIR, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"strength": preset["strength"]}, f)
    os.replace(tmp, path)
    return preset
