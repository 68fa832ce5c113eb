"""dlref: the reference implementations behind the dlref site, and the machinery that builds it.

Reference implementations (each with doctests, each checked against PyTorch in ``tests/``):
:mod:`dlref.activations`, :mod:`dlref.init`, :mod:`dlref.params`, :mod:`dlref.losses`,
:mod:`dlref.optim`, :mod:`dlref.regularization`, :mod:`dlref.dropout`, :mod:`dlref.batchnorm`, :mod:`dlref.conv`, :mod:`dlref.pooling`,
:mod:`dlref.receptive_field`, :mod:`dlref.rnn`, :mod:`dlref.lstm`, and the synthetic data of :mod:`dlref.phone_data`.

Figure helpers: :mod:`dlref.figures`, :mod:`dlref.diagrams`; the glossary: :mod:`dlref.glossary`.

Build machinery: :mod:`dlref.examples` (discovery and headers), :mod:`dlref.runner`
(parallel execution), :mod:`dlref.cache`, :mod:`dlref.fragments`, :mod:`dlref.notebooks`,
:mod:`dlref.recorded`, :mod:`dlref.checks`, :mod:`dlref.mathml`, :mod:`dlref.site`,
:mod:`dlref.mkdocs_hooks` and :mod:`dlref.bench`.
"""

__version__ = "0.1.0"
