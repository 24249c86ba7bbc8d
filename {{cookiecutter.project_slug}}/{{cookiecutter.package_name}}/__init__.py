"""Node code of {{ cookiecutter.registry_name }}; the pack's root __init__.py exports it to ComfyUI."""
