"""``geo cache``: what geo keeps on disk, and clearing it."""

from __future__ import annotations

import click

from geo.cli import fails_cleanly, main, say


def _size(n: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"  # pragma: no cover


@main.group("cache")
def cache_group() -> None:
    """The cache folder: online geocoder answers and the gazetteer index.

    \b
    Examples:
      geo cache info
      geo cache clear --provider nominatim
      geo cache clear --all
    """


@cache_group.command("info")
@fails_cleanly
def cache_info() -> None:
    """Where the cache is, and what it holds.

    \b
    Example:
      geo cache info
    """
    from geo.gazetteer import cache_dir
    from geo.online import Cache

    info = Cache().info()
    click.echo(f"folder: {cache_dir()}")
    by = ", ".join(f"{p} {n}" for p, n in info["providers"].items())
    click.echo(f"online answers: {info['entries']}" + (f" ({by})" if by else "") + f", {_size(info['bytes'])}")
    indexes = sorted(cache_dir().glob("gazetteer-*.pickle")) if cache_dir().exists() else []
    total = sum(p.stat().st_size for p in indexes)
    click.echo(f"gazetteer index files: {len(indexes)}, {_size(total)}")


@cache_group.command("clear")
@click.option("--provider", metavar="NAME", help="Forget only this geocoder's answers.")
@click.option("--all", "everything", is_flag=True, help="Also remove the gazetteer index (rebuilt on next use).")
@fails_cleanly
def cache_clear(provider, everything) -> None:
    """Forget cached online answers (the next run asks again).

    \b
    Examples:
      geo cache clear                      # every provider's answers
      geo cache clear --provider nominatim
      geo cache clear --all                # also the gazetteer index
    """
    from geo.gazetteer import cache_dir
    from geo.online import Cache

    removed = Cache().clear(provider)
    say(f"removed {removed} online answer(s)" + (f" of {provider}" if provider else ""))
    if everything:
        indexes = list(cache_dir().glob("gazetteer-*.pickle")) if cache_dir().exists() else []
        for path in indexes:
            path.unlink(missing_ok=True)
        say(f"removed {len(indexes)} gazetteer index file(s)")
