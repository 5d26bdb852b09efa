#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal and relays it: what the command writes to the terminal
comes out on this script's stdout, bytes written to this script's stdin are typed into the
terminal. Exits with the command's exit status (128 + N when killed by signal N) and, on stderr,
reports the terminal's mode after the command ended.

    relay.py [--cols N] [--rows N] [--stdin-null] [--timeout S] -- command args...

Only the standard library (pty, termios), so it runs wherever python3 does, with no native build.
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cols", type=int, default=100)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--stdin-null", action="store_true", help="the command's stdin is /dev/null")
    parser.add_argument("--timeout", type=float, default=60.0, help="kill the command after this long")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command")

    pid, master = pty.fork()
    if pid == 0:
        # The child: the pty is its controlling terminal and stdin/stdout/stderr.
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
        if args.stdin_null:
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.close(null)
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)

    # The command's process id, for tests that signal it.
    sys.stderr.write("relay: pid %d\n" % pid)
    sys.stderr.flush()
    deadline = time.monotonic() + args.timeout
    stdin_open = True
    out = sys.stdout.buffer
    status = None
    while True:
        if deadline is not None and time.monotonic() > deadline:
            deadline = None
            os.kill(pid, signal.SIGKILL)
            sys.stderr.write("relay: timed out; killed the command\n")
        watch = [master] + ([0] if stdin_open else [])
        ready, _, _ = select.select(watch, [], [], 0.1)
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every slave end closed, the command is gone
                data = b""
            if not data:
                break
            out.write(data)
            out.flush()
        if 0 in ready:
            data = os.read(0, 65536)
            if data:
                os.write(master, data)
            else:
                stdin_open = False
        # A command may exit while a grandchild holds the terminal open; do not wait for that.
        if status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                # Drain what is left, then stop.
                while select.select([master], [], [], 0.05)[0]:
                    try:
                        data = os.read(master, 65536)
                    except OSError:
                        data = b""
                    if not data:
                        break
                    out.write(data)
                out.flush()
                break

    try:
        mode = termios.tcgetattr(master)
        lflag = mode[3]
        sys.stderr.write(
            "relay: tty echo=%d icanon=%d\n" % (bool(lflag & termios.ECHO), bool(lflag & termios.ICANON))
        )
    except termios.error:
        pass
    if status is None:
        _, status = os.waitpid(pid, 0)
    os.close(master)
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main())
