"""Invert presets: small JSON files holding a strength.

Presets that ship with the pack are in its ``presets/`` folder and are only read: a pack update replaces
them, and a git install stays clean. Presets a user saves go to FOLDER inside that user's folder in
ComfyUI's user directory, where ComfyUI keeps each user's own data; a saved preset with a shipped preset's
name takes its place for that user.

Every path is built from a checked name and confirmed to stay inside its folder.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent.parent / "presets"
FOLDER = "{{ cookiecutter.__registry_name }}/presets"  # inside each user's folder
NAME_RULE = re.compile(r"(?!(con|prn|aux|nul|com[0-9]|lpt[0-9])$)[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.IGNORECASE)
NAME_HELP = "1-64 letters, digits, '-' or '_', starting with a letter or digit, not a Windows device name (CON, NUL...)"

# Where the nodes look for saved presets, set by routes.register(): the default user's folder, or None
# with --multi-user (every user shares the node list, and a queued workflow does not say who queued it).
node_user_dir: Path | None = None


class PresetError(ValueError):
    """A preset name or value that is not acceptable; the message is meant for the user."""


def _path(folder: Path, name: object) -> Path:
    if not isinstance(name, str) or not NAME_RULE.fullmatch(name):
        raise PresetError(f"preset name must be {NAME_HELP}")
    path = (folder / f"{name}.json").resolve()
    if path.parent != folder.resolve():  # belt and braces: the rule above already forbids this
        raise PresetError("preset name must not leave the presets folder")
    return path


def check_strength(strength: object) -> float:
    if isinstance(strength, bool) or not isinstance(strength, (int, float)):
        raise PresetError("strength must be a number")
    if not 0.0 <= strength <= 1.0:
        raise PresetError(f"strength must be between 0 and 1, got {strength}")
    return float(strength)


def names(user_dir: Path | None) -> list[str]:
    """Names of the shipped presets and of those saved in ``user_dir``, sorted."""
    folders = [SHIPPED] + ([user_dir] if user_dir else [])
    found = {p.stem for folder in folders if folder.is_dir() for p in folder.glob("*.json")}
    return sorted(n for n in found if NAME_RULE.fullmatch(n))


def check_name(name: str | None, user_dir: Path | None) -> bool | str:
    """True if ``name`` is a preset (or not known yet: a linked input), else a message for the user."""
    if name is None or name in names(user_dir):
        return True
    return f"unknown preset {name!r}; presets: {', '.join(names(user_dir)) or 'none'}"


def load(name: str, user_dir: Path | None) -> dict:
    """The preset ``name`` as ``{"name", "strength"}``, the user's own first; FileNotFoundError if none."""
    for folder in ([user_dir] if user_dir else []) + [SHIPPED]:
        path = _path(folder, name)
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            return {"name": name, "strength": check_strength(data.get("strength"))}
    raise FileNotFoundError(name)


def save(name: str, strength: float, user_dir: Path) -> dict:
    """Create or replace the preset ``name`` in ``user_dir``; returns what was saved."""
    path = _path(user_dir, name)
    preset = {"name": name, "strength": check_strength(strength)}
    user_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=user_dir, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"strength": preset["strength"]}, f)
        os.replace(tmp, path)  # whole or not at all
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise
    return preset
