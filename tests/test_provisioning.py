"""scripts/comfyui-env.sh gets ComfyUI 0.33.0 the three ways the README names: a tarball, a folder, git."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from matrix import TEMPLATE

pytestmark = pytest.mark.tools

SCRIPT = TEMPLATE / "scripts" / "comfyui-env.sh"


@pytest.fixture(scope="module")
def tree_033(tmp_path_factory) -> Path:
    """A ComfyUI 0.33.0 tree to serve from: COMFYUI_SOURCE (tarball or folder), else the provisioned one."""
    source = os.environ.get("COMFYUI_SOURCE") or os.environ.get("COMFYUI_CURRENT_PATH")
    if not source or not Path(source).exists():
        pytest.skip("needs ComfyUI 0.33.0: set COMFYUI_SOURCE to its tarball or folder")
    if Path(source).is_dir():
        return Path(source)
    out = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(source) as tar:
        tar.extractall(out, filter="data")
    return next(out.iterdir())


def provision(tmp_path: Path, **env) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in ("COMFYUI_SOURCE", "COMFYUI_GIT_URL")}
    full_env.update(COMFY_TEMPLATE_CACHE=str(tmp_path / "cache"), **env)
    return subprocess.run(["bash", SCRIPT, "tree", "0.33.0"], capture_output=True, text=True, env=full_env, timeout=300)


def assert_provisioned(out: subprocess.CompletedProcess) -> Path:
    assert out.returncode == 0, out.stderr
    tree = Path(out.stdout.strip())
    assert '__version__ = "0.33.0"' in (tree / "comfyui_version.py").read_text()
    assert (tree / "main.py").is_file() and (tree / "comfy_api" / "v0_0_2" / "__init__.py").is_file()
    return tree


def test_from_a_tarball(tree_033, tmp_path):
    tarball = tmp_path / "ComfyUI-0.33.0.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(tree_033, arcname="ComfyUI-0.33.0")
    tree = assert_provisioned(provision(tmp_path, COMFYUI_SOURCE=str(tarball)))
    again = provision(tmp_path, COMFYUI_SOURCE=str(tmp_path / "gone.tar.gz"))  # a second run reuses the tree
    assert assert_provisioned(again) == tree and "unpacking" not in again.stderr


def test_from_a_folder(tree_033, tmp_path):
    assert_provisioned(provision(tmp_path, COMFYUI_SOURCE=str(tree_033)))


def test_from_git_the_tag_v0_33_0(tree_033, tmp_path):
    work = tmp_path / "work"
    shutil.copytree(tree_033, work)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(work)]
    for args in (["init", "-q", "-b", "master"], ["add", "-A"], ["commit", "-qm", "v0.33.0"], ["tag", "v0.33.0"]):
        subprocess.run(git + args, check=True, capture_output=True)
    (work / "comfyui_version.py").write_text('__version__ = "0.34.0"\n')  # a newer commit on the branch
    subprocess.run(git + ["commit", "-qam", "next"], check=True, capture_output=True)
    bare = tmp_path / "ComfyUI.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True, capture_output=True)
    out = provision(tmp_path, COMFYUI_GIT_URL=f"file://{bare}")
    assert "cloning ComfyUI v0.33.0" in out.stderr
    assert_provisioned(out)


def test_a_tree_of_another_version_is_refused(tree_033, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(tree_033, other)
    (other / "comfyui_version.py").write_text('__version__ = "0.3.75"\n')
    out = provision(tmp_path, COMFYUI_SOURCE=str(other))
    assert out.returncode == 1 and "not ComfyUI 0.33.0" in out.stderr
    assert not list((tmp_path / "cache" / "comfyui-0.33.0").iterdir())  # nothing half-made is left
