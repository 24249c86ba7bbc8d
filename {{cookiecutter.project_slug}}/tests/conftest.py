"""Shared test set-up.

The tests import the node code as ``{{ cookiecutter.package_name }}.*`` from the pack folder. They never
import the pack's root ``__init__.py``: that file is for ComfyUI, which imports the pack by its path
and provides modules (``comfy_api``, ``server``) that do not exist outside it.
Set ``COMFYUI_PATH`` to a ComfyUI checkout to also run the tests that need ComfyUI itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

PACK_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PACK_DIR))

COMFYUI_PATH = os.environ.get("COMFYUI_PATH", "")
if COMFYUI_PATH:
    sys.path.append(COMFYUI_PATH)


class _PackRootIsAFolder:
    """pytest imports any folder with an ``__init__.py`` as a package before running the tests in it;
    the pack root is only a folder for the tests."""

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path, parent):
        if path == PACK_DIR:
            return pytest.Dir.from_parent(parent, path=path)
        return None


def pytest_configure(config):
    config.pluginmanager.register(_PackRootIsAFolder(), "pack-root-is-a-folder")
