"""Online geocoders, opt-in, for the names the offline gazetteer cannot place.

Any geopy service can be asked, by name (``nominatim``, ``arcgis``,
``photon`` …), and only for names left unmatched offline. Every request
goes through geopy's :class:`~geopy.extra.rate_limiter.RateLimiter` (one
second apart at least for Nominatim, as its usage policy asks) and every
answer — "nothing found" included — is kept in a sqlite cache in the user
cache folder, keyed by provider and folded query, so re-running a notebook
costs no request and works offline. The ``source`` of a row placed online
is the provider's name, and its ``how`` is ``online``.

>>> from geo.geocode import resolve
>>> matches = resolve(["Idlib", "Nowhere-on-earth"])
>>> placed = fill(matches, "nominatim", "my-org you@example.org")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import GeocoderError, InputError
from geo.names import fold

if TYPE_CHECKING:
    from geo.geocode import Match

log = logging.getLogger(__name__)

# Seconds between requests. Nominatim's usage policy: at most one a second; others get the same courtesy.
MIN_DELAY = {"nominatim": 1.0}
DEFAULT_DELAY = 1.0
NEEDS_USER_AGENT = ("nominatim",)
TIMEOUT = 10
CACHE_FILE = "online.sqlite"


# ------------------------------------------------------------------ the cache
class Cache:
    """Answers of online geocoders on disk: (provider, folded query) → location or "nothing found".

    >>> import tempfile, os
    >>> c = Cache(os.path.join(tempfile.mkdtemp(), "t.sqlite"))
    >>> c.put("nominatim", "Kafr Nubl", {"address": "Kafr Nubl, Syria", "lat": 35.6, "lon": 36.6, "raw": {}})
    >>> c.get("nominatim", "kafr  NUBL")[1]["lat"], c.info()["entries"]
    (35.6, 1)
    """

    def __init__(self, path: str | Path | None = None):
        if path is None:
            from geo.gazetteer import cache_dir

            path = cache_dir() / CACHE_FILE
        self.path = Path(path)

    @staticmethod
    def key(query: str, country: Sequence[str] | None = None) -> str:
        """The folded query (and the country filter, which changes the answer)."""
        key = fold(query) or " ".join(str(query).lower().split())
        return f"{key}|{','.join(country)}" if country else key

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=30)
        try:
            con.execute(
                "CREATE TABLE IF NOT EXISTS answers (provider TEXT, key TEXT, query TEXT, answer TEXT, "
                "created REAL, PRIMARY KEY (provider, key))"
            )
        except sqlite3.DatabaseError:
            con.close()
            # a torn cache is rebuilt, never trusted
            log.warning("%s: not a readable cache; starting a new one", self.path)
            self.path.unlink()
            return self._connect()
        return con

    def get(self, provider: str, query: str, country: Sequence[str] | None = None) -> tuple[bool, dict | None]:
        """(found in cache, answer): the answer is None when the provider found nothing."""
        if not self.path.exists():
            return False, None
        con = self._connect()
        try:
            row = con.execute(
                "SELECT answer FROM answers WHERE provider = ? AND key = ?", (provider, self.key(query, country))
            ).fetchone()
        finally:
            con.close()
        if row is None:
            return False, None
        return True, (json.loads(row[0]) if row[0] is not None else None)

    def put(self, provider: str, query: str, answer: dict | None, country: Sequence[str] | None = None) -> None:
        """Keep an answer (None: nothing found) at once, so an interrupted run keeps what it paid for."""
        con = self._connect()
        try:
            with con:
                con.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                    (provider, self.key(query, country), query, None if answer is None else json.dumps(answer),
                     time.time()),
                )  # fmt: skip
        finally:
            con.close()

    def info(self) -> dict:
        """Where the cache is, how big, and how many answers per provider."""
        out = {"path": str(self.path), "bytes": 0, "entries": 0, "providers": {}}
        if not self.path.exists():
            return out
        out["bytes"] = self.path.stat().st_size
        con = self._connect()
        try:
            rows = con.execute("SELECT provider, COUNT(*) FROM answers GROUP BY provider ORDER BY provider").fetchall()
        finally:
            con.close()
        out["providers"] = dict(rows)
        out["entries"] = sum(out["providers"].values())
        return out

    def clear(self, provider: str | None = None) -> int:
        """Forget the answers of one provider, or all; returns how many were removed."""
        if not self.path.exists():
            return 0
        con = self._connect()
        try:
            with con:
                if provider:
                    n = con.execute("DELETE FROM answers WHERE provider = ?", (provider,)).rowcount
                else:
                    n = con.execute("DELETE FROM answers").rowcount
            con.execute("VACUUM")
        finally:
            con.close()
        return n


# ------------------------------------------------------------------ geocoders
def services() -> list[str]:
    """Names of the geopy services that can be asked."""
    from geopy.geocoders import SERVICE_TO_GEOCODER

    return sorted(SERVICE_TO_GEOCODER)


def geocoder(provider: str, user_agent: str | None = None, **options):
    """A geopy geocoder by service name, with a user agent; a clear error for unknown names or missing settings."""
    from geopy.exc import ConfigurationError, GeocoderNotFound
    from geopy.geocoders import get_geocoder_for_service

    from geo import __version__

    name = provider.strip().lower()
    try:
        cls = get_geocoder_for_service(name)
    except GeocoderNotFound:
        raise InputError(f"unknown geocoder {provider!r}; geopy offers: {', '.join(services())}") from None
    if name in NEEDS_USER_AGENT and not (user_agent or "").strip():
        raise InputError(
            f"{name} requires a user agent saying who is asking: --user-agent 'my-org-sitrep you@example.org'"
        )
    try:
        return cls(user_agent=user_agent or f"geo/{__version__}", timeout=options.pop("timeout", TIMEOUT), **options)
    except (ConfigurationError, TypeError) as exc:
        raise InputError(f"geocoder {name!r} needs more settings: {exc}") from None


class _Limiter:
    """geopy's RateLimiter with a clock and a sleep that tests can replace."""

    def __new__(cls, func, min_delay: float, clock=None, sleep=None):
        from geopy.extra.rate_limiter import RateLimiter

        slept = [0.0]

        class Limiter(RateLimiter):
            def _clock(self):
                # with only the sleep replaced, time still passes by the seconds it was asked to sleep
                return clock() if clock else time.monotonic() + slept[0]

            def _sleep(self, seconds):
                log.debug("waiting %.2f s before the next request", seconds)
                if sleep:
                    sleep(seconds)
                    slept[0] += seconds
                else:
                    time.sleep(seconds)

        return Limiter(
            func, min_delay_seconds=min_delay, max_retries=2, error_wait_seconds=2.0, swallow_exceptions=False
        )


def _answer(location) -> dict | None:
    if location is None:
        return None
    return {"address": location.address, "lat": location.latitude, "lon": location.longitude, "raw": location.raw}


def _ident(provider: str, answer: dict) -> str:
    raw = answer.get("raw") or {}
    if isinstance(raw, dict) and raw.get("osm_type") and raw.get("osm_id"):
        return f"{provider}:{raw['osm_type']}/{raw['osm_id']}"
    return f"{provider}:{answer['lat']:.5f},{answer['lon']:.5f}"


def fill(
    matches: Sequence[Match],
    provider: str,
    user_agent: str | None = None,
    *,
    country: str | Sequence[str] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    geocoder_instance=None,
    cache: Cache | None | bool = True,
    min_delay: float | None = None,
    clock: Callable[[], float] | None = None,
    sleep: Callable[[float], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Match]:
    """Place the unmatched names of ``matches`` with an online geocoder; placed rows are kept as they are.

    Names left unplaced as ambiguous (several areas of that name and no parent
    given) are not sent: they need a parent, not a guess.

    Each distinct name is asked once, from the cache when it holds an answer
    (``cache=False`` skips it), otherwise through a RateLimiter at least
    ``min_delay`` seconds apart (1 s for Nominatim; ``clock``/``sleep``
    replace the timer in tests). Answers outside ``bbox`` are refused.
    Network failures leave that name unmatched with a note and are not
    cached; a refusal of the whole service (bad key, quota, banned agent)
    stops with :class:`geo.errors.GeocoderError`. ``progress(done, total)``
    is called after each name.
    """
    from geopy.exc import (
        ConfigurationError,
        GeocoderAuthenticationFailure,
        GeocoderInsufficientPrivileges,
        GeocoderQuotaExceeded,
        GeopyError,
    )

    from geo.geocode import _countries

    name = provider.strip().lower()
    todo = list(dict.fromkeys(m.query for m in matches if unplaced(m)))
    if not todo:
        return list(matches)
    countries = _countries(country)
    store = Cache() if cache is True else (cache or None)
    service = geocoder_instance
    limited = None
    delay = MIN_DELAY.get(name, DEFAULT_DELAY) if min_delay is None else min_delay
    delay = max(delay, MIN_DELAY.get(name, 0.0))  # never faster than a provider's policy
    answers: dict[str, dict | None] = {}
    failures: dict[str, str] = {}
    asked = cached = 0
    for n, query in enumerate(todo, 1):
        hit, answer = store.get(name, query, countries) if store else (False, None)
        if hit:
            cached += 1
            log.info("%s: %r from cache", name, query)
        else:
            if limited is None:
                service = service or geocoder(name, user_agent)
                limited = _Limiter(service.geocode, delay, clock, sleep)
            kwargs = {"exactly_one": True}
            if name == "nominatim" and countries:
                kwargs["country_codes"] = [c.lower() for c in countries]
            try:
                answer = _answer(limited(query, **kwargs))
            except (GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges, GeocoderQuotaExceeded,
                    ConfigurationError) as exc:  # fmt: skip
                raise GeocoderError(f"{name} refused: {exc}") from None
            except GeopyError as exc:
                failures[query] = f"{name} failed: {type(exc).__name__}: {exc}".splitlines()[0]
                log.warning("%s", failures[query])
                if progress:
                    progress(n, len(todo))
                continue
            asked += 1
            log.info("%s: asked for %r: %s", name, query, answer["address"] if answer else "nothing found")
            if store:
                store.put(name, query, answer, countries)
        answers[query] = answer
        if progress:
            progress(n, len(todo))
    log.info("%s: %d names asked, %d from cache, %d failed", name, asked, cached, len(failures))
    out = []
    for m in matches:
        if not unplaced(m) or m.query not in answers and m.query not in failures:
            out.append(m)
        elif m.query in failures:
            out.append(replace(m, note="; ".join(p for p in (m.note, failures[m.query]) if p)))
        else:
            out.append(_placed(m, name, answers[m.query], bbox))
    return out


def unplaced(m: Match) -> bool:
    """A match the offline gazetteer could not place; ambiguous names are not (they need a parent, not a guess)."""
    return not m.matched and bool(m.query.strip()) and not m.note.startswith("ambiguous")


def _placed(m: Match, provider: str, answer: dict | None, bbox) -> Match:
    if answer is None:
        return replace(m, note="; ".join(p for p in (m.note, f"{provider} found nothing") if p))
    lat, lon = float(answer["lat"]), float(answer["lon"])
    if bbox:
        west, south, east, north = bbox
        if not (south <= lat <= north and west <= lon <= east):
            where = f"{answer['address']} ({lat:.4f},{lon:.4f})"
            return replace(m, note="; ".join(p for p in (m.note, f"{provider} found {where}, outside --bbox") if p))
    return replace(
        m,
        name=str(answer["address"]),
        lat=lat,
        lon=lon,
        kind="place",
        score=None,  # online services give no score comparable to ours
        source=provider,
        id=_ident(provider, answer),
        how="online",
        alternatives="",
        note=f"placed by {provider}, not in the offline gazetteer: check it",
    )
