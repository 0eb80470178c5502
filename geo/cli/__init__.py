"""The ``geo`` command line: a click group, one thin module per command.

Every command calls a public library function with the same name and
options; a :class:`geo.errors.GeoError` becomes one line on stderr and exit
code 2, never a traceback.
"""

from __future__ import annotations

import functools
import logging
import sys

import click

from geo import __version__
from geo.errors import GeoError


class GeoClickError(click.ClickException):
    """One line on stderr, exit code 2."""

    exit_code = 2


def fails_cleanly(func):
    """Turn geo's errors (and unreadable files) into one clear line and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except GeoError as exc:
            raise GeoClickError(str(exc)) from None
        except UnicodeDecodeError as exc:
            raise GeoClickError(f"input is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except (OSError, MemoryError) as exc:
            raise GeoClickError(f"{type(exc).__name__}: {exc}") from None

    return wrapper


def say(message: str) -> None:
    """A status line on stderr (stdout stays clean for data)."""
    click.echo(message, err=True)


class _EchoHandler(logging.Handler):
    """Log records as lines on stderr, through click (so they reach whatever stderr is now)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"geo: {self.format(record)}", err=True)


def _setup_logging(verbose: int) -> None:
    root = logging.getLogger("geo")
    if not any(isinstance(h, _EchoHandler) for h in root.handlers):
        root.addHandler(_EchoHandler())
        root.propagate = False
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    # building the index on a first run takes seconds: always say so
    logging.getLogger("geo.gazetteer").setLevel(logging.INFO)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="geo")
@click.option("-v", "--verbose", count=True, help="Say more about what geo does on stderr (-vv: debugging detail).")
def main(verbose: int) -> None:
    """Maps of displacement from place names and figures, offline.

    \b
    Typical use:
      geo demo                                   # the whole pipeline on an example, offline
      geo extract report.txt --date 2020-02-05 -o figures.csv
      geo geocode Idlib "Maaret al-Numan" "the Turkish border"
      geo choropleth idps.csv --value idps --place governorate -o maps/idps.html --png maps/idps.png
      geo flows movements.csv --origin from --destination to --value people -o maps/flows.html
      geo bubbles sites.csv --value idps --place site -o maps/sites.html --png maps/sites.png
    """
    _setup_logging(verbose)


def _register() -> None:
    from geo.cli import geocode  # noqa: F401  (each module adds its command to `main`)

    for name in ("choropleth", "flows", "bubbles", "extract", "demo", "cache"):
        try:
            __import__(f"geo.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"geo.cli.{name}":
                raise


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
