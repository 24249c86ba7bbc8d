"""The maths of the Tint Image node: plain torch, testable without ComfyUI."""

from __future__ import annotations

import re

import torch

WHITE = "#ffffff"  # the colour widget's default: it leaves the image as it is
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def check_color(color: object) -> str | None:
    """Return an error message unless ``color`` is a colour written ``#rrggbb``, else None."""
    if not isinstance(color, str) or not _HEX.fullmatch(color):
        return f"color must be written #rrggbb, got {color!r}"
    return None


def tint(image: torch.Tensor, color: str) -> torch.Tensor:
    """Multiply each pixel's red, green and blue by the colour's (alpha stays): white keeps the image."""
    error = check_color(color)
    if error:
        raise ValueError(error)
    rgb = torch.tensor([int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)], dtype=image.dtype, device=image.device)
    channels = min(image.shape[-1], 3)
    out = image.clone()
    out[..., :channels] *= rgb[:channels]
    return out
