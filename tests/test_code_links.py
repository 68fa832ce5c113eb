"""Names in example code linked to their documentation: resolved from what ran, linked only where they resolve."""
from __future__ import annotations

import json
import re
import textwrap

import pytest

from dlref.build.execute import names
from dlref.build.pages import content_pages
from dlref.build.render import code_links

DOCUMENTED = {"dlref.optim", "dlref.activations"}


def _run(code: str) -> dict[str, str]:
    code = textwrap.dedent(code)
    namespace: dict = {}
    exec(compile(code, "example.py", "exec"), namespace)
    return names.resolve(code, namespace)


def test_names_resolve_to_their_public_paths():
    found = _run("""
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        from torch.optim import SGD
        from dlref.optim import ema
        from dlref import activations
        model = nn.Sequential(nn.Linear(2, 1))
        opt = SGD(model.parameters(), lr=0.1)
        x = F.relu(torch.ones(2)) + activations.sigmoid(torch.zeros(2))
        e = ema([1.0, 2.0], 0.5)
        nn.init.zeros_(model[0].bias)
        dtype = torch.float64
    """)
    assert found == {
        "F.relu": "torch.nn.functional.relu",
        "SGD": "torch.optim.SGD",
        "activations.sigmoid": "dlref.activations.sigmoid",
        "ema": "dlref.optim.ema",
        "nn.Linear": "torch.nn.Linear",
        "nn.Sequential": "torch.nn.Sequential",
        "nn.init.zeros_": "torch.nn.init.zeros_",
        "torch.ones": "torch.ones",
        "torch.zeros": "torch.zeros",
    }  # not model.parameters (a value's method), not torch.float64 (a dtype), not the modules themselves


def test_names_the_example_defines_or_rebinds_are_not_linked():
    found = _run("""
        import torch
        from torch import nn
        def relu(x):
            return x
        class Linear:
            pass
        nn = {"Linear": 1}        # rebound: what ran is a dict, whatever the import said
        y = relu(torch.ones(1))
    """)
    assert found == {"torch.ones": "torch.ones"}


def test_a_name_whose_public_path_gives_another_object_is_not_linked():
    found = _run("""
        import types
        fake = types.ModuleType("torch")   # claims to be torch, but torch.randn is not its randn
        fake.randn = lambda: 0
        fake.randn()
    """)
    assert "fake.randn" not in found


@pytest.mark.parametrize(("path", "page", "expected"), [
    ("torch.nn.Linear", "dropout", "https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html"),
    ("torch.nn.Module.eval", "dropout",
     "https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval"),
    ("torch.Tensor.backward", "dropout", "https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html"),
    ("torch.nn.init.kaiming_normal_", "x", "https://docs.pytorch.org/docs/stable/nn.init.html#torch.nn.init.kaiming_normal_"),
    ("torch.utils.data.DataLoader", "x", "https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader"),
    ("torchvision.transforms.RandomCrop", "x",
     "https://docs.pytorch.org/vision/stable/generated/torchvision.transforms.RandomCrop.html"),
    ("torchvision.models.resnet18", "x",
     "https://docs.pytorch.org/vision/stable/models/generated/torchvision.models.resnet18.html"),
    ("dlref.optim.ema", "optimizers", "../reference/#dlref.optim.ema"),
    ("dlref.optim.ema", "index", "reference/#dlref.optim.ema"),
    ("dlref.figures.tr", "optimizers", None),  # a module the API page does not document
    ("numpy.exp", "x", "https://numpy.org/doc/stable/reference/generated/numpy.exp.html"),
    ("matplotlib.pyplot.subplots", "x", "https://matplotlib.org/stable/api/_as_gen/matplotlib.pyplot.subplots.html"),
    ("numpy.float32", "x", None),
    ("numpy.random.default_rng", "x", None),  # documented on pages whose addresses follow no rule
    ("matplotlib.axes.Axes.plot", "x", None),
    ("math.sqrt", "x", None),
])
def test_addresses(path, page, expected):
    assert code_links.href(path, page, DOCUMENTED) == expected


def test_api_page_address_for_an_engine_that_rewrites_html_links_from_the_docs_folder():
    assert code_links.href("dlref.optim.ema", "optimizers", DOCUMENTED, from_docs_root=True) == "reference/#dlref.optim.ema"


BLOCK = ('<p>nn.Linear</p><div class="highlight"><span class="filename">snippets/a/b.py</span><pre><code>'
         '<span class="n">x</span><span class="o">.</span><span class="n">torch</span><span class="o">.</span>'
         '<span class="n">ones</span> <span class="n">torch</span><span class="o">.</span><span class="n">ones</span>'
         '</code></pre></div>')


def test_only_listed_blocks_and_whole_names_are_linked_and_the_text_is_unchanged():
    links = {"snippets/a/b.py": {"torch.ones": "https://t/ones.html"}}
    out = code_links.link_blocks(BLOCK, links)
    assert out.count('class="dlref-api"') == 1  # x.torch.ones is an attribute of x, not torch.ones
    assert re.sub(r"<[^>]+>", "", out) == re.sub(r"<[^>]+>", "", BLOCK)  # what the copy button copies
    assert code_links.link_blocks(BLOCK, {"snippets/other.py": {"torch.ones": "u"}}) == BLOCK


def test_the_page_comment_is_taken_out_and_applied_by_the_extension():
    import markdown

    text = ('```python title="snippets/a/b.py"\nimport torch\ntorch.ones(1)\n```\n'
            + code_links.page_comment({"snippets/a/b.py": {"torch.ones": "https://t/ones.html"}}))
    md = markdown.Markdown(extensions=["pymdownx.superfences", "pymdownx.highlight", "dlref.build.render.code_links"])
    html = md.convert(text)
    assert 'href="https://t/ones.html"' in html and "dlref-code-links" not in html
    assert "dlref-api" not in md.reset().convert("```python\ntorch.ones(1)\n```\n")  # no leak into the next page


def test_most_content_pages_link_at_least_five_names(project, example_results):
    """Counted in the assembled pages, per language; the browser test checks the built HTML."""
    from dlref.build.languages import LANGS

    counts = {}
    for lang in LANGS:
        for slug in content_pages(project.root):
            page = project.assembled(lang) / f"{slug}.md"
            if page.is_file():
                comment = re.search(r"<!-- dlref-code-links (\{.*\}) -->", page.read_text(encoding="utf-8"))
                counts[(lang, slug)] = len(set().union(*json.loads(comment[1]).values())) if comment else 0
    few = {k: n for k, n in counts.items() if n < 5}
    assert len(few) <= len(counts) // 10, f"pages with fewer than 5 linked names: {few}"
