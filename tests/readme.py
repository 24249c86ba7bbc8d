"""The pack README's recipes, applied word for word, for the tests that follow them."""

from __future__ import annotations

import re
from pathlib import Path


def section(readme: str, title: str) -> str:
    """The text of a README section (up to the next section of the same level)."""
    return readme.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(text: str, language: str) -> list[str]:
    """The code blocks of one language, in order."""
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def add_a_node(pack: Path, package: str) -> list[str]:
    """Do what "Add a node" says: the class above the node list in nodes.py, its entry at the end of that list,
    its test in the file the README names. Returns the files written by hand."""
    text = section((pack / "README.md").read_text(encoding="utf-8"), "Add a node")
    node, test = blocks(text, "python")
    entry = re.search(r"add it, `(.+?)`, to", text).group(1)
    test_file = re.search(r"Test it in `(tests/\w+\.py)`", text).group(1)
    nodes = pack / package / "nodes.py"
    code = nodes.read_text(encoding="utf-8")
    if "class NodePackExtension" in code:  # V3: above the extension, and last in get_node_list's list
        code = code.replace("class NodePackExtension", f"{node}\n\nclass NodePackExtension", 1)
        code = re.sub(
            r"(        return \[\n(?:            \w+,\n)*)(        \])", rf"\g<1>            {entry}\n\g<2>", code
        )
    else:  # V1: above NODE_CLASS_MAPPINGS, and last in it
        code = code.replace("NODE_CLASS_MAPPINGS = {", f"{node}\n\nNODE_CLASS_MAPPINGS = {{", 1)
        code = re.sub(r"(NODE_CLASS_MAPPINGS = \{\n(?:    .*\n)*?)(\})", rf"\g<1>    {entry}\n\g<2>", code, count=1)
    assert entry in code and node in code, "the README's steps no longer fit nodes.py"
    nodes.write_text(code, encoding="utf-8")
    (pack / test_file).write_text(test, encoding="utf-8")
    return [f"{package}/nodes.py", test_file]
