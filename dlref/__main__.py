"""Command line: ``python -m dlref build|run|record|check|translated``."""
import logging
import os
import sys

from dlref.build.cli import main

if __name__ == "__main__":
    code = main()
    # Everything is written and closed by now. Tearing down torch, matplotlib and the rest at a normal exit takes
    # a second (module finalization, their destructors): a one-example rebuild spent a sixth of its time there.
    # So leave at once, once the buffered output is out.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
