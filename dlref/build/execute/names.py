"""Which names in an example's code are library objects, found from the objects its run actually used.

After an example has run, its module namespace holds what each name was bound to. For every
dotted name in the code (``nn.Linear``, ``torch.optim.SGD``, ``F.cross_entropy``, ``ema``) this
walks the attributes of those very objects and keeps the names that end at a function or a
class of an importable module, under their public dotted path (``torch.nn.Linear``, not
``torch.nn.modules.linear.Linear``). The path is then imported afresh and must give the same
object, so a link can only point at what actually ran. Anything else (a tensor, a model, a
name the example defined itself, a name rebound to something else) gets no entry.

>>> import textwrap
>>> code = textwrap.dedent('''
...     import torch
...     from torch import nn
...     from torch.nn import functional as F
...     from math import sqrt as root
...     layer = nn.Linear(2, 3)
...     y = F.relu(torch.zeros(1)).sum()
...     z = root(4.0) + layer.weight.sum()
...     def nn_helper(): pass
... ''')
>>> namespace = {}
>>> exec(code, namespace)
>>> resolve(code, namespace)
{'F.relu': 'torch.nn.functional.relu', 'nn.Linear': 'torch.nn.Linear', 'root': 'math.sqrt', 'torch.zeros': 'torch.zeros'}
"""
from __future__ import annotations

import ast
import importlib
import inspect


def _chain(node: ast.expr) -> list[str] | None:
    """``a.b.c`` as ``['a', 'b', 'c']``; None for anything not rooted at a plain name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]


def _chains(tree: ast.AST) -> set[tuple[str, ...]]:
    """Every maximal dotted name in the code (``torch.optim.SGD``, not also ``torch.optim``)."""
    inner = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Attribute, ast.Name)) and id(node) not in inner:
            if (chain := _chain(node)) is not None:
                found.add(tuple(chain))
    return found


def _imported_from(tree: ast.AST) -> dict[str, str]:
    """Local name -> public dotted path, for ``from X import y [as z]`` at any depth of the code."""
    origin = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if alias.name != "*":
                    origin[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return origin


def lookup(path: str):
    """The object a public dotted path names, importing its module; raises if there is none."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(path)


def _linkable(obj) -> bool:
    return not inspect.ismodule(obj) and (inspect.isclass(obj) or callable(obj))


def resolve(source: str, namespace: dict) -> dict[str, str]:
    """``{dotted name as written: public path}`` for the names in ``source`` bound in ``namespace``
    to a function or class that its public path gives back (see the module docstring)."""
    tree = ast.parse(source)
    origin = _imported_from(tree)
    found = {}
    for chain in _chains(tree):
        head, rest = chain[0], chain[1:]
        if head not in namespace:
            continue
        obj = namespace[head]
        if inspect.ismodule(obj):
            base = obj.__name__
        elif head in origin:
            base = origin[head]
        else:
            continue  # defined by the example, or a value: nothing to document it
        try:
            for attr in rest:
                obj = getattr(obj, attr)
            path = ".".join((base, *rest))
            if _linkable(obj) and lookup(path) is obj:
                found[".".join(chain)] = path
        except Exception:  # noqa: BLE001 - a property may raise anything; such a name is simply not linked
            continue
    return dict(sorted(found.items()))
