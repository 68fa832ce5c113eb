"""dlref: the reference implementations behind the dlref site, and the machinery that builds it.

Reference implementations (each with doctests, each checked against PyTorch):

- :mod:`dlref.activations`: activation functions and their closed-form derivatives.

Build machinery: :mod:`dlref.examples` (discovery and headers), :mod:`dlref.runner`
(parallel execution), :mod:`dlref.cache`, :mod:`dlref.fragments`, :mod:`dlref.checks`,
:mod:`dlref.site` and :mod:`dlref.mkdocs_hooks`.
"""

__version__ = "0.1.0"
