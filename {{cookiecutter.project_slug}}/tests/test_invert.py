"""The image maths of the Invert Image node: plain torch, no ComfyUI."""

import pytest

torch = pytest.importorskip("torch", reason="needs torch: run the tests with the Python that runs ComfyUI")

from {{ cookiecutter.__package_name }} import invert  # noqa: E402


def red(batch: int = 1, size: int = 4):
    image = torch.zeros(batch, size, size, 3)
    image[..., 0] = 1.0
    return image


def test_full_strength_inverts_every_pixel():
    out = invert.invert(red())
    assert torch.equal(out[..., 0], torch.zeros(1, 4, 4))
    assert torch.equal(out[..., 1:], torch.ones(1, 4, 4, 2))


def test_zero_strength_keeps_the_image_and_half_gives_grey():
    image = torch.rand(2, 3, 5, 3)
    assert torch.allclose(invert.invert(image, 0.0), image)
    assert torch.allclose(invert.invert(image, 0.5), torch.full_like(image, 0.5))


def test_each_image_of_a_batch_is_a_step():
    steps = []
    invert.invert(red(batch=3), step=steps.append)
    assert steps == [1, 2, 3]


@pytest.mark.parametrize("strength", [-0.1, 1.5])
def test_strength_outside_0_to_1_is_refused(strength):
    assert "between 0 and 1" in str(invert.check_strength(strength))
    with pytest.raises(ValueError, match="between 0 and 1"):
        invert.invert(red(), strength)


@pytest.mark.parametrize("bad", [torch.zeros(4, 4, 3), torch.zeros(1, 4, 4, 2), "not an image"])
def test_non_image_input_gets_a_readable_error(bad):
    with pytest.raises(ValueError, match="IMAGE tensor"):
        invert.invert(bad)
