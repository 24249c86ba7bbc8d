"""The pack's node code; the pack's root __init__.py exports it to ComfyUI."""

# Where the nodes appear in the node library.
CATEGORY = "{{ cookiecutter.__registry_name }}/image"
