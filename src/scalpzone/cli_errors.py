"""How the command line reports what went wrong (SPEC §5): exit 2 and every problem for bad
input, exit 1 and a sentence for anything else; never a traceback or an exception's class name."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from scalpzone.domain.mapfile import MapFileError
from scalpzone.domain.problems import ProblemsError, listed, printable

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def run_reported(command: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a subcommand; whatever it raises becomes a message on standard error and a status."""
    _escape_unprintable_output()
    try:
        return command(args)
    except MapFileError as error:
        _problems(f"{_source_name(args)} was not read; fix these and try again:", error)
        return EXIT_BAD_INPUT
    except ProblemsError as error:
        _problems("the input was refused; fix these and try again:", error)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("scalpzone: stopped before it finished (interrupted).\n")
        return EXIT_FAILURE
    except OSError as error:
        where = f" ({printable(str(error.filename))})" if error.filename else ""
        why = error.strerror or "the system refused"
        sys.stderr.write(f"scalpzone: a file could not be read or written{where}: {why}.\n")
        return EXIT_FAILURE
    except Exception as error:  # the contract: a sentence, never a traceback
        detail = printable(str(error))[:200] or "no details"
        sys.stderr.write(
            f"scalpzone: the command stopped on an unexpected problem ({detail}). "
            "Nothing more was done; please report this.\n"
        )
        return EXIT_FAILURE


def _problems(headline: str, error: ProblemsError) -> None:
    sys.stderr.write(f"scalpzone: {headline}\n")
    for line in listed(error.problems):
        sys.stderr.write(f"  {line}\n")


def _source_name(args: argparse.Namespace) -> str:
    file = getattr(args, "file", None)
    if file is None:
        return "the input"
    return "standard input" if str(file) == "-" else printable(str(file))


def _escape_unprintable_output() -> None:
    """Text no encoding can hold (a lone surrogate from a file name) prints escaped instead of
    stopping the command half-way through its output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
