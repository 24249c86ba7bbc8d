"""The colour grade, the model the colour-grade nodes load: its file, its maths, and which files may be read.
Plain torch and safetensors, no ComfyUI."""

import os
from types import SimpleNamespace

import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")
pytest.importorskip("safetensors", reason="needs safetensors: run the tests with the Python that runs ComfyUI")

from {{ cookiecutter.__package_name }} import color_grade, models  # noqa: E402

SWAP_RED_AND_GREEN = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]


def test_a_grade_is_read_from_its_file_and_maps_every_pixel(tmp_path):
    color_grade.write(tmp_path / "swap.safetensors", SWAP_RED_AND_GREEN, [0.0, 0.0, 0.5])
    grade = color_grade.read(tmp_path / "swap.safetensors")
    image = torch.zeros(2, 3, 3, 4)  # with alpha, which stays
    image[..., 0] = image[..., 3] = 1.0
    out = color_grade.apply(image, grade)
    assert torch.equal(out[1, 2, 2], torch.tensor([0.0, 1.0, 0.5, 1.0]))


def test_a_file_that_is_not_a_grade_is_refused_with_the_reason(tmp_path):
    (tmp_path / "text.safetensors").write_text("not tensors", encoding="utf-8")
    with pytest.raises(ValueError, match="not a .safetensors file"):
        color_grade.read(tmp_path / "text.safetensors")
    color_grade.write(tmp_path / "small.safetensors", [[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0])
    with pytest.raises(ValueError, match=r"matrix \(3x3\) and bias \(3\)"):
        color_grade.read(tmp_path / "small.safetensors")


@pytest.fixture
def model_folder(tmp_path, monkeypatch):
    """models/<pack>/ as ComfyUI's folder_paths lists it, with one grade in it."""
    color_grade.write(tmp_path / "swap.safetensors", SWAP_RED_AND_GREEN, [0.0, 0.0, 0.0])
    folder_paths = SimpleNamespace(
        get_filename_list=lambda folder: sorted(p.name for p in tmp_path.glob("*.safetensors")),
        get_full_path_or_raise=lambda folder, name: str(tmp_path / name),
    )
    monkeypatch.setattr(models, "_folder_paths", lambda: folder_paths)
    return tmp_path


def test_only_listed_files_are_read_and_a_replaced_file_is_noticed(model_folder):
    assert models.names() == ["swap.safetensors"] and models.check_name("swap.safetensors") is True
    assert models.path("swap.safetensors") == str(model_folder / "swap.safetensors")
    for name in ("missing.safetensors", "../swap.safetensors", str(model_folder / "swap.safetensors")):
        assert "no model file" in str(models.check_name(name))
        with pytest.raises(FileNotFoundError, match="no model file"):
            models.path(name)
    before = models.fingerprint("swap.safetensors")
    assert before is not None
    color_grade.write(model_folder / "swap.safetensors", SWAP_RED_AND_GREEN, [0.5, 0.5, 0.5])
    later = before[0] + 10**9  # saved a second later
    os.utime(model_folder / "swap.safetensors", ns=(later, later))
    assert models.fingerprint("swap.safetensors") != before
