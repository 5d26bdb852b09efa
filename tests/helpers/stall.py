#!/usr/bin/env python3
"""Runs a command whose standard output is a pipe shrunk to one page that nobody reads, waits until
the pipe is full (the command is blocked writing), sends it a signal and reports how it ended:

    stall.py SIGNAL -- command args...    ->  prints "blocked <returncode> <seconds after the signal>"

A negative return code -N means killed by signal N. Only the standard library; Linux (F_SETPIPE_SZ).
"""
import fcntl
import os
import signal
import subprocess
import sys
import termios
import time

F_SETPIPE_SZ = 1031


def main() -> int:
    sig = getattr(signal, sys.argv[1])
    command = sys.argv[3:] if sys.argv[2] == "--" else sys.argv[2:]
    r, w = os.pipe()
    size = fcntl.fcntl(w, F_SETPIPE_SZ, 4096)
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=w, stderr=subprocess.DEVNULL)
    os.close(w)
    deadline = time.monotonic() + 20
    state = "not-blocked"
    while time.monotonic() < deadline and child.poll() is None:
        pending = fcntl.ioctl(r, termios.FIONREAD, b"\0\0\0\0")
        if int.from_bytes(pending, sys.byteorder) >= size:
            state = "blocked"
            break
        time.sleep(0.02)
    sent = time.monotonic()
    child.send_signal(sig)
    try:
        code = child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        code = "hung"
    print(state, code, round(time.monotonic() - sent, 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
