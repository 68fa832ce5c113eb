"""dlref: the reference implementations that the dlref site explains, for learners to import.

Reference implementations (each with doctests, each checked against PyTorch in ``tests/``):
:mod:`dlref.activations`, :mod:`dlref.init`, :mod:`dlref.params`, :mod:`dlref.losses`,
:mod:`dlref.optim`, :mod:`dlref.regularization`, :mod:`dlref.dropout`, :mod:`dlref.batchnorm`, :mod:`dlref.conv`, :mod:`dlref.pooling`,
:mod:`dlref.receptive_field`, :mod:`dlref.rnn`, :mod:`dlref.lstm`, and the synthetic data of :mod:`dlref.phone_data`.

Figure helpers: :mod:`dlref.figures`, :mod:`dlref.diagrams`; the argument checks they all share:
:mod:`dlref.validate`. None of these imports the build tool.

The build tool that turns the pages, examples and notebooks into the site is the separate
package :mod:`dlref.build` (``python -m dlref``); learners never need it.
"""

__version__ = "0.1.0"
