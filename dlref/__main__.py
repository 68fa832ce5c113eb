"""Command line: ``python -m dlref build|run|record|check|translated``."""
from dlref.build.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
