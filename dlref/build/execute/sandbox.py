"""What an example may do, enforced inside its own forked process.

The runner forks one child per example; before the example's first line, the
child calls :func:`enter`, which

- puts it in a process group of its own (the runner kills the whole group when
  the example ends, so nothing it starts outlives it), and asks the kernel to
  kill it if the runner dies;
- caps its memory (address space) and the size of any file it writes, and turns
  off core dumps;
- gives it a fixed environment (nothing from the maintainer's shell can change a
  result), with its scratch folder as home, working and temporary directory;
- takes it off the network: a network namespace of its own where the kernel
  allows one, and in any case an audit hook that fails every internet socket at
  once with a message that says why;
- forbids writing, deleting or renaming anything inside the project (the
  snippets, the cache, the site): an example writes only in its scratch folder;
- records every project file it reads, so the cache can tell when one changed.
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import resource
import signal
import socket
import sys
from pathlib import Path

#: Variables the libraries read when they are imported (in the runner, before the
#: fork). They can change a result, so their values are part of the cache key.
IMPORT_TIME_ENV = ("ATEN_", "OMP_", "MKL_", "OPENBLAS_", "KMP_", "GOTO_", "BLIS_", "TORCH_", "PYTORCH_", "CUDA_",
                   "CUBLAS_", "NVIDIA_", "PYTHONHASHSEED")
OFFLINE = "network access is disabled: dlref builds offline by design (examples use bundled data only)"
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
_WRITE_MODES = set("wax+")


class SandboxError(PermissionError):
    """An example tried something the build does not allow."""


def _initial_environ() -> dict[str, str]:
    """The environment this process started with. Libraries change ``os.environ`` as they load
    (scikit-learn sets ``KMP_DUPLICATE_LIB_OK``), which must not change a cache key within a run."""
    try:
        data = Path("/proc/self/environ").read_bytes()
    except OSError:
        return dict(os.environ)
    return dict(item.split("=", 1) for item in data.decode("utf-8", "replace").split("\0") if "=" in item)


def import_time_env() -> dict[str, str]:
    """The environment variables the maintainer set that libraries read at import (see IMPORT_TIME_ENV)."""
    return {k: v for k, v in sorted(_initial_environ().items()) if k.startswith(IMPORT_TIME_ENV)}


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _isolate_network() -> None:
    """A network namespace of its own, where allowed (root or CAP_SYS_ADMIN); the audit hook covers the rest."""
    try:
        _libc().unshare(_CLONE_NEWNET)
    except (OSError, AttributeError):  # no libc symbol: the audit hook alone guards
        pass


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _source_of(path: Path) -> Path:
    """A module's source for its cached bytecode: an import reads the .pyc, but the .py is what changes."""
    if path.suffix == ".pyc" and path.parent.name == "__pycache__":
        try:
            return Path(importlib.util.source_from_cache(str(path)))
        except ValueError:
            pass
    return path


class Guard:
    """The audit hook: refuses network and writes into the project, records the project's and dlref's files read."""

    def __init__(self, root: Path, scratch: Path, label: str, package: Path):
        self.root, self.scratch, self.label, self.package = root, scratch, label, package
        self.read: set[Path] = set()

    def _path(self, value) -> Path | None:
        if isinstance(value, int):  # an already-open file descriptor
            return None
        try:
            return Path(os.path.realpath(os.fsdecode(value)))
        except (TypeError, ValueError):
            return None

    def _refuse_write(self, event: str, value) -> None:
        path = self._path(value)
        if path is not None and _within(path, self.root) and not _within(path, self.scratch):
            raise SandboxError(f"{self.label}: {event} {path} refused: an example may only write in its "
                               f"scratch folder (its working directory), never into the project")

    def __call__(self, event: str, args: tuple) -> None:
        if event == "open":
            path, mode = args[0], args[1]
            if isinstance(mode, str) and _WRITE_MODES & set(mode) or isinstance(args[2], int) and args[2] & (
                    os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND):
                self._refuse_write("writing", path)
            elif (p := self._path(path)) is not None and (_within(p, self.root) or _within(p, self.package)):
                self.read.add(_source_of(p))
        elif event in ("os.remove", "os.rmdir", "os.mkdir", "os.truncate", "os.chmod", "os.utime", "shutil.rmtree"):
            self._refuse_write(event.split(".")[-1], args[0])
        elif event == "os.rename":
            self._refuse_write("renaming", args[0])
            self._refuse_write("renaming", args[1])
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
            if args[0].family in (socket.AF_INET, socket.AF_INET6):
                raise SandboxError(f"{self.label}: {OFFLINE}")
        elif event == "socket.getaddrinfo":
            raise SandboxError(f"{self.label}: {OFFLINE}")


def status_bytes(field: str) -> int:
    """Bytes of memory field ``field`` of this process's /proc/self/status (VmSize: all address space mapped now;
    VmData: private writable memory; VmHWM: peak resident memory), or 0 where the kernel has no such line."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    return 0


def enter(*, root: Path, scratch: Path, label: str, memory_mb: int, file_mb: int, env: dict, package: Path,
          cuda: bool = False) -> Guard:
    """Confine the current (forked) process; returns the audit hook, which records the files read."""
    os.setpgid(0, 0)
    _libc().prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the runner died between fork and prctl
        os._exit(1)
    _isolate_network()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # The cap is on top of what the forked process already maps (torch alone maps several GiB of address space).
    # The CUDA driver reserves far more address space than it ever uses (inaccessible, PROT_NONE), so under an
    # address-space cap CUDA cannot start; a CUDA example's cap is on private writable memory (RLIMIT_DATA) instead.
    field, cap = ("VmData", resource.RLIMIT_DATA) if cuda else ("VmSize", resource.RLIMIT_AS)
    limit = status_bytes(field) + memory_mb * 2**20
    resource.setrlimit(cap, (limit, limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_mb * 2**20, file_mb * 2**20))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write then fails with an OSError, not a kill
    os.environ.clear()
    os.environ.update(env)
    os.chdir(scratch)
    sys.dont_write_bytecode = True  # the import system would try to write __pycache__ into the project
    guard = Guard(root.resolve(), scratch.resolve(), label, package.resolve())
    sys.addaudithook(guard)
    return guard
