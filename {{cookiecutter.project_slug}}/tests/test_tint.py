"""The maths of the Tint Image node: plain torch, no ComfyUI."""

import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")

from {{ cookiecutter.__package_name }} import tint  # noqa: E402


def test_white_keeps_the_image_and_a_colour_scales_each_channel():
    image = torch.full((1, 2, 2, 4), 0.5)  # with alpha, which stays
    assert torch.equal(tint.tint(image, tint.WHITE), image)
    tinted = tint.tint(image, "#ff8000")
    assert torch.allclose(tinted[0, 0, 0], torch.tensor([0.5, 0.5 * 128 / 255, 0.0, 0.5]))


@pytest.mark.parametrize("color", ["ffffff", "#fff", "#gggggg", "#ffffff ", None])
def test_a_colour_not_written_rrggbb_is_refused(color):
    assert "#rrggbb" in str(tint.check_color(color))
    with pytest.raises(ValueError, match="#rrggbb"):
        tint.tint(torch.zeros(1, 1, 1, 3), color)
