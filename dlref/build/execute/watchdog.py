"""A small process that cleans up after the runner if the runner itself is killed.

The runner kills each example's process group and removes its scratch folder
when the example ends. If the runner is killed first (SIGKILL, a closed
terminal, an out-of-memory kill), nobody would: the running examples and
anything they started would go on, and their folders would stay behind. So the
runner forks this watchdog before it imports anything heavy and tells it, over
a pipe, which groups and folders are live. When the pipe closes (the runner
ended, by any means), the watchdog kills every group still registered, removes
every folder still registered, and exits.
"""
from __future__ import annotations

import os
import shutil
import signal


def _serve(read_fd: int) -> None:
    live: dict[int, str] = {}
    buffer = b""
    while chunk := os.read(read_fd, 4096):
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            op, pgid, folder = line.decode().split(" ", 2)
            if op == "+":
                live[int(pgid)] = folder
            else:
                live.pop(int(pgid), None)
    for pgid, folder in live.items():
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        shutil.rmtree(folder, ignore_errors=True)


class Watchdog:
    """The runner's side: ``add`` a live example, ``remove`` it, ``close`` at the end."""

    def __init__(self):
        read_fd, self._write_fd = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the watchdog: deaf to the terminal's Ctrl-C, which is the runner's to handle
            try:
                os.setpgid(0, 0)
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                os.close(self._write_fd)
                _serve(read_fd)
            finally:
                os._exit(0)
        os.close(read_fd)
        os.set_inheritable(self._write_fd, False)

    @property
    def fd(self) -> int:
        """The pipe's write end, which every forked example must close so that only the runner holds it."""
        return self._write_fd

    def _send(self, op: str, pgid: int, folder: str) -> None:
        os.write(self._write_fd, f"{op} {pgid} {folder}\n".encode())

    def add(self, pgid: int, folder: str) -> None:
        self._send("+", pgid, folder)

    def remove(self, pgid: int) -> None:
        self._send("-", pgid, "-")

    def close(self) -> None:
        os.close(self._write_fd)
        os.waitpid(self.pid, 0)
