"""Where the pack's model files live: a folder of ComfyUI's models/ that ComfyUI's folder_paths knows by name.

Users put the files in ComfyUI/models/<FOLDER>/ (models/ moves with --base-directory or --models-directory), or
add folders under the name FOLDER in extra_model_paths.yaml, as for any kind of model.
Only .safetensors files are listed: they hold tensors and nothing else, while loading a pickled .ckpt or .pt
file can run code.
"""

from __future__ import annotations

import functools
import os

FOLDER = "{{ cookiecutter.__registry_name }}"
EXTENSIONS = {".safetensors"}


class FileNames(list):
    """The model files' names, as a combo's options. The node-definition guard (tests/node_definitions.py)
    records a combo of this type as "user files", not by the names it holds today."""

    from_user_files = True


@functools.cache
def _folder_paths():
    """ComfyUI's folder_paths with FOLDER registered, the first time it is asked for; None outside ComfyUI."""
    try:
        import folder_paths
    except ImportError:  # the fast tests, without ComfyUI
        return None
    folder_paths.add_model_folder_path(FOLDER, os.path.join(folder_paths.models_dir, FOLDER))
    paths, _ = folder_paths.folder_names_and_paths[FOLDER]
    folder_paths.folder_names_and_paths[FOLDER] = (paths, EXTENSIONS)  # also for folders extra_model_paths.yaml adds
    return folder_paths


def names() -> FileNames:
    """The model files, as the node's combo lists them; ComfyUI notices files added after it started."""
    found = _folder_paths()
    return FileNames(found.get_filename_list(FOLDER) if found else [])


def check_name(name: str | None) -> bool | str:
    """True if ``name`` is a listed model file (or not known yet: a linked input), else a message for the user."""
    listed = names()
    if name is None or name in listed:
        return True
    return f"no model file {name!r} in models/{FOLDER}/; files there: {', '.join(listed) or 'none'}"


def path(name: str) -> str:
    """The file a listed name stands for. Only listed names are accepted, so nothing outside the folders."""
    found = _folder_paths()
    if found is None or name not in names():
        raise FileNotFoundError(check_name(name))
    return found.get_full_path_or_raise(FOLDER, name)


def fingerprint(name: str) -> tuple[int, int] | None:
    """The file's time and size: when a file is replaced under the same name, ComfyUI runs the node again."""
    try:
        stat = os.stat(path(name))
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size
