"""ComfyUI's progress bar and cancel button, for a node that works through a batch one image at a time."""

from __future__ import annotations

from collections.abc import Callable


def steps(total: int) -> Callable[[int], None]:
    """A callback for each finished step: it moves the node's progress bar to ``done / total`` and, once the
    user has cancelled the run, stops it (by raising ComfyUI's own exception, which ends the run cleanly).
    Without ComfyUI (the tests call the maths directly) it does nothing."""
    try:  # imported here, not at the top: importing them sets up ComfyUI's devices
        import comfy.model_management
        import comfy.utils
    except ImportError:
        return lambda done: None
    bar = comfy.utils.ProgressBar(total)

    def step(done: int) -> None:
        comfy.model_management.throw_exception_if_processing_interrupted()
        bar.update_absolute(done, total)

    return step
