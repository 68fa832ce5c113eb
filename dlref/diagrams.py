"""Diagram helpers for figure generators: layered networks and block diagrams.

Both draw onto a matplotlib Axes and return it; labels are plain strings, so a
generator passes ``dlref.figures.tr(zh=…, en=…)`` for text in the page language.

>>> import matplotlib; matplotlib.use("Agg")
>>> ax = draw_network([3, 4, 2], layer_labels=["in", "hidden", "out"])
>>> len(ax.patches)  # one circle per neuron
9
>>> draw_network([3, 0])
Traceback (most recent call last):
...
ValueError: layer_sizes[1] must be >= 1, got 0
>>> ax = draw_blocks([Box("a", "x", (0, 0)), Box("b", "F(x)", (0, -1))], [("a", "b", "")])
>>> [t.get_text() for t in ax.texts]
['x', 'F(x)', '']
"""
from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from . import validate


def _axes(ax, size):
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    ax.set_axis_off()
    ax.set_aspect("equal")
    return ax


def node_positions(layer_sizes: list[int], dx: float = 2.5, dy: float = 1.2) -> list[list[tuple[float, float]]]:
    """Centres of the neurons, layer by layer, each layer centred vertically on y = 0."""
    layer_sizes = validate.integers("layer_sizes", layer_sizes, minimum=1)
    dx, dy = validate.real("dx", dx), validate.real("dy", dy)
    return [[(i * dx, (n - 1) / 2 * dy - j * dy) for j in range(n)] for i, n in enumerate(layer_sizes)]


def draw_network(
    layer_sizes: list[int],
    layer_labels: list[str] | None = None,
    node_labels: dict | None = None,
    edge_labels: dict | None = None,
    edge_colors: dict | None = None,
    ax=None,
    radius: float = 0.38,
):
    """Draw a fully connected feed-forward network.

    Args:
        layer_sizes: neurons per layer, e.g. ``[3, 4, 2]``.
        layer_labels: a caption under each layer.
        node_labels: ``{(layer, index): text}`` written inside a neuron.
        edge_labels: ``{(layer, i, j): text}`` on the edge from neuron i of ``layer`` to neuron j of the next.
        edge_colors: ``{(layer, i, j): color}`` to highlight edges (default grey).
    """
    layer_sizes = validate.integers("layer_sizes", layer_sizes, minimum=1)
    if not layer_sizes:
        raise ValueError("layer_sizes must name at least one layer, got none")
    if layer_labels is not None:
        validate.sequence("layer_labels", layer_labels, length=len(layer_sizes))
    radius = validate.real("radius", radius, low=0, low_open=True)
    node_labels, edge_labels, edge_colors = node_labels or {}, edge_labels or {}, edge_colors or {}
    pos = node_positions(layer_sizes)
    ax = _axes(ax, (2.2 * len(layer_sizes) + 1, 1.0 * max(layer_sizes) + 1.5))
    for layer, (left, right) in enumerate(zip(pos, pos[1:])):
        for i, (x0, y0) in enumerate(left):
            for j, (x1, y1) in enumerate(right):
                color = edge_colors.get((layer, i, j), "0.6")
                ax.plot([x0 + radius, x1 - radius], [y0, y1], color=color, lw=1.8 if color != "0.6" else 0.8, zorder=1)
                if (layer, i, j) in edge_labels:
                    t = 0.3
                    ax.text(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, edge_labels[(layer, i, j)], fontsize=8,
                            ha="center", va="center", bbox=dict(fc="white", ec="none", pad=0.5), zorder=3)
    palette = ["#9ecae1", "#c7e9c0", "#fdd0a2"]
    for layer, column in enumerate(pos):
        color = palette[0] if layer == 0 else palette[2] if layer == len(pos) - 1 else palette[1]
        for j, (x, y) in enumerate(column):
            ax.add_patch(Circle((x, y), radius, fc=color, ec="0.2", zorder=2))
            if (layer, j) in node_labels:
                ax.text(x, y, node_labels[(layer, j)], ha="center", va="center", fontsize=8, zorder=4)
        if layer_labels:
            bottom = min(y for _, y in column)
            ax.text(column[0][0], bottom - 0.9, layer_labels[layer], ha="center", va="top", fontsize=10)
    xs = [x for column in pos for x, _ in column]
    ys = [y for column in pos for _, y in column]
    ax.set_xlim(min(xs) - 1, max(xs) + 1)
    ax.set_ylim(min(ys) - (1.8 if layer_labels else 0.8), max(ys) + 0.8)
    return ax


@dataclass(frozen=True)
class Box:
    """A labelled box of a block diagram, centred at ``xy``."""

    key: str
    text: str
    xy: tuple[float, float]
    width: float = 2.6
    height: float = 0.6
    color: str = "#deebf7"


def draw_blocks(boxes: list[Box], arrows: list[tuple], ax=None, size=(6, 6)):
    """Draw boxes and arrows ``(from_key, to_key, label)`` or ``(from, to, label, rad)``.

    ``rad`` bends an arrow (e.g. 0.5 for a shortcut drawn beside the main path).
    """
    by_key = {b.key: b for b in boxes}
    if len(by_key) != len(boxes):
        raise ValueError(f"boxes must have unique keys, got {[b.key for b in boxes]}")
    ax = _axes(ax, size)
    for b in boxes:
        x, y = b.xy
        ax.add_patch(FancyBboxPatch((x - b.width / 2, y - b.height / 2), b.width, b.height,
                                    boxstyle="round,pad=0.05", fc=b.color, ec="0.25", zorder=2))
        ax.text(x, y, b.text, ha="center", va="center", fontsize=9, zorder=3)
    for arrow in arrows:
        src, dst, label, rad = (*arrow, 0.0)[:4]
        if src not in by_key or dst not in by_key:
            raise ValueError(f"arrows: {src!r} -> {dst!r} names a box that is not in boxes")
        a, b = by_key[src], by_key[dst]
        start = (a.xy[0], a.xy[1] - a.height / 2 - 0.05) if not rad else (a.xy[0] + a.width / 2, a.xy[1])
        end = (b.xy[0], b.xy[1] + b.height / 2 + 0.05) if not rad else (b.xy[0] + b.width / 2, b.xy[1])
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color="0.2",
                                     connectionstyle=f"arc3,rad={rad}", zorder=1))
        mid = ((start[0] + end[0]) / 2 + (0.9 if rad else 0.1), (start[1] + end[1]) / 2)
        ax.text(*mid, label, fontsize=8, ha="left", va="center", color="0.15")
    xs = [b.xy[0] for b in boxes]
    ys = [b.xy[1] for b in boxes]
    ax.set_xlim(min(xs) - 2.2, max(xs) + 3.2)
    ax.set_ylim(min(ys) - 0.8, max(ys) + 0.8)
    return ax
