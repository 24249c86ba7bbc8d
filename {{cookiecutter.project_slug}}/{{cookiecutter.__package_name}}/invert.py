"""Image math behind the nodes: plain torch functions, testable without ComfyUI.

ComfyUI passes images as float tensors shaped [batch, height, width, channels] with values in 0..1.
"""

from __future__ import annotations

from collections.abc import Callable

import torch


def check_image(image: torch.Tensor) -> None:
    """Raise ValueError with a readable message unless ``image`` is a ComfyUI IMAGE tensor."""
    if not isinstance(image, torch.Tensor) or image.ndim != 4 or image.shape[-1] not in (1, 3, 4):
        shape = tuple(image.shape) if isinstance(image, torch.Tensor) else type(image).__name__
        raise ValueError(f"expected an IMAGE tensor shaped [batch, height, width, channels], got {shape}")


def check_strength(strength: float) -> str | None:
    """Return an error message if ``strength`` is outside 0..1, else None."""
    if not 0.0 <= strength <= 1.0:
        return f"strength must be between 0 and 1, got {strength}"
    return None


def invert(image: torch.Tensor, strength: float = 1.0, step: Callable[[int], None] | None = None) -> torch.Tensor:
    """Blend ``image`` towards its negative: 0 keeps it, 1 inverts it fully. One image of the batch at a time,
    calling ``step(done)`` after each, so a caller can report progress and stop early."""
    check_image(image)
    error = check_strength(strength)
    if error:
        raise ValueError(error)
    out = torch.empty_like(image)
    for i, single in enumerate(image):
        out[i] = 1.0 - single if strength == 1.0 else torch.lerp(single, 1.0 - single, strength)
        if step:
            step(i + 1)
    return out
