"""The measurements of the Image Stats node: plain torch, no ComfyUI."""

import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")

from {{ cookiecutter.__package_name }} import stats  # noqa: E402


def test_image_stats_measures_size_and_channels():
    image = torch.zeros(2, 3, 3, 3)
    image[..., 0] = 1.0
    measured = stats.image_stats(image)
    assert (measured["batch"], measured["width"], measured["height"], measured["channels"]) == (2, 3, 3, 3)
    assert measured["mean"] == measured["min"] == measured["max"] == [1.0, 0.0, 0.0]
    text = stats.format_stats(measured)
    assert "2 x 3x3" in text and "mean 1.000 0.000 0.000" in text
