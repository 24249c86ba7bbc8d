"""A colour grade, the small model the colour-grade nodes load: reading it from its file, and applying it.
Plain torch and safetensors, testable without ComfyUI.

A grade maps each pixel's red, green and blue through a 3x3 matrix and adds a bias (a 1x1 convolution). Its
file is a .safetensors file holding the tensors ``matrix`` and ``bias``; ``write`` makes one.
"""

from __future__ import annotations

import logging
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from .invert import check_image

logger = logging.getLogger(__name__)


def read(path: str | Path) -> dict[str, torch.Tensor]:
    """The grade in a .safetensors file; ValueError, with the reason, for a file that is not one."""
    logger.info("Loading colour grade %s", path)
    try:
        tensors = load_file(str(path))
    except SafetensorError as exc:
        raise ValueError(f"{Path(path).name} is not a .safetensors file: {exc}") from exc
    matrix, bias = tensors.get("matrix"), tensors.get("bias")
    if matrix is None or bias is None or tuple(matrix.shape) != (3, 3) or tuple(bias.shape) != (3,):
        raise ValueError(f"{Path(path).name} is not a colour grade: it needs the tensors matrix (3x3) and bias (3)")
    return {"matrix": matrix.float(), "bias": bias.float()}


def write(path: str | Path, matrix: list[list[float]], bias: list[float]) -> None:
    """Save a grade as a .safetensors file."""
    tensors = {"matrix": torch.tensor(matrix), "bias": torch.tensor(bias)}
    save_file({name: tensor.float() for name, tensor in tensors.items()}, str(path))


def apply(image: torch.Tensor, grade: dict[str, torch.Tensor]) -> torch.Tensor:
    """Map the red, green and blue of every pixel through the grade (alpha stays), clamped to 0..1."""
    check_image(image)
    if image.shape[-1] < 3:
        raise ValueError(f"a colour grade needs red, green and blue channels, got {image.shape[-1]}")
    matrix, bias = grade["matrix"].to(image), grade["bias"].to(image)
    out = image.clone()
    out[..., :3] = (image[..., :3] @ matrix.T + bias).clamp(0.0, 1.0)
    return out
