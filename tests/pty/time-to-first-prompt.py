#!/usr/bin/env python3
"""Measures how long `node bin/mlflow-advisor.js` takes to show its first question on a real
terminal, against the wall time of `node -e 0`. Not a test (timings vary by machine); a tool.

    python3 tests/pty/time-to-first-prompt.py [runs]      # after npm run build

Prints the median of each and their ratio.
"""
import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.path.join(ROOT, "bin", "mlflow-advisor.js")
NODE = os.environ.get("NODE", "node")


def first_prompt() -> float:
    start = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(NODE, [NODE, BIN])
    seen = b""
    try:
        while b"(1/" not in seen:
            if not select.select([master], [], [], 10)[0]:
                raise RuntimeError("no prompt within 10 s")
            seen += os.read(master, 65536)
        return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(master)


def bare_node() -> float:
    start = time.perf_counter()
    subprocess.run([NODE, "-e", "0"], check=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    first_prompt(), bare_node()  # warm the file cache
    # Interleaved, so a busy moment on the machine weighs on both alike.
    pairs = [(bare_node(), first_prompt()) for _ in range(runs)]
    bare = statistics.median(b for b, _ in pairs)
    prompt = statistics.median(p for _, p in pairs)
    print(f"node -e 0:          {bare * 1000:6.1f} ms (median of {runs})")
    print(f"to the first prompt: {prompt * 1000:6.1f} ms (median of {runs})")
    print(f"ratio:               {prompt / bare:6.2f}x")


if __name__ == "__main__":
    main()
