r"""A Griffe extension so that dlref's docstrings render well in the API reference.

Docstrings are written for ``help()`` and doctest: ``>>>`` examples, reST math and
roles. Python-Markdown would turn ``>>>`` into nested block quotes and show
``.. math::`` as text, so this rewrites each docstring before mkdocstrings renders it:

>>> prompt = ">" * 3  # spelled out, or doctest would read it as a new example
>>> md = to_markdown(f".. math:: a = b\n\nUse :func:`f` with :math:`x^2`.\n\n{prompt} 1 + 1\n2\n")
>>> print(md.replace(prompt, "[prompt]"))
$$
a = b
$$
<BLANKLINE>
Use `f` with $x^2$.
<BLANKLINE>
```pycon
[prompt] 1 + 1
2
```
"""
from __future__ import annotations

import re

import griffe

_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj):`~?([^`]+)`")
_MATH_ROLE = re.compile(r":math:`([^`]+)`")
_MATH_DIRECTIVE = re.compile(r"^(\s*)\.\. math::[ \t]*(.*)$")


def _math_blocks(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _MATH_DIRECTIVE.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent, body = match.group(1), [match.group(2)] if match.group(2).strip() else []
        i += 1
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > len(indent)):
            if lines[i].strip():
                body.append(lines[i].strip())
            elif body and i + 1 < len(lines) and len(lines[i + 1]) - len(lines[i + 1].lstrip()) <= len(indent):
                break
            i += 1
        out += [f"{indent}$$", *(f"{indent}{b}" for b in body), f"{indent}$$"]
    return out


def _doctest_fences(lines: list[str]) -> list[str]:
    out: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(">>>") and not inside:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return out


def to_markdown(text: str) -> str:
    """reST math and roles to Markdown, doctest blocks to fenced ``pycon`` code."""
    text = _MATH_ROLE.sub(r"$\1$", _ROLE.sub(r"`\1`", text))
    return "\n".join(_doctest_fences(_math_blocks(text.splitlines())))


class MarkdownDocstrings(griffe.Extension):
    def on_instance(self, *, obj, **kwargs) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
