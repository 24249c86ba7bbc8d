"""Image statistics for the Image Stats node: plain torch functions, testable without ComfyUI."""

from __future__ import annotations

import torch

from .invert import check_image


def image_stats(image: torch.Tensor) -> dict:
    """Size and per-channel mean, min and max of a batch of images."""
    check_image(image)
    flat = image.reshape(-1, image.shape[-1]).float()
    batch, height, width, channels = image.shape
    return {
        "batch": batch,
        "width": width,
        "height": height,
        "channels": channels,
        "mean": [round(v, 4) for v in flat.mean(dim=0).tolist()],
        "min": [round(v, 4) for v in flat.amin(dim=0).tolist()],
        "max": [round(v, 4) for v in flat.amax(dim=0).tolist()],
    }


def format_stats(stats: dict) -> str:
    """One short, human-readable line per fact, for display on the node."""
    means = " ".join(f"{v:.3f}" for v in stats["mean"])
    return (
        f"{stats['batch']} x {stats['width']}x{stats['height']}, {stats['channels']} channels\n"
        f"mean {means}\n"
        f"min {min(stats['min']):.3f}, max {max(stats['max']):.3f}"
    )
