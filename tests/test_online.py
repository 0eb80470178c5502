from __future__ import annotations

import json

import pytest
from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderQuotaExceeded, GeocoderTimedOut
from geopy.location import Location

from geo import online
from geo.errors import GeocoderError, InputError
from geo.geocode import resolve

NOWHERE = "Khirbet Umm Nowhere"


class FakeGeocoder:
    """Answers from a dict; counts the calls."""

    def __init__(self, places=None, fail=None):
        self.places = places or {NOWHERE: (36.1, 36.7)}
        self.fail = fail
        self.calls: list[tuple[str, dict]] = []

    def geocode(self, query, exactly_one=True, **kwargs):
        self.calls.append((query, kwargs))
        if self.fail:
            raise self.fail
        if query in self.places:
            lat, lon = self.places[query]
            return Location(f"{query}, Idlib, Syria", (lat, lon), {"osm_type": "node", "osm_id": 42})
        return None


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def cache(tmp_path):
    return online.Cache(tmp_path / "online.sqlite")


def test_only_unmatched_names_are_asked_and_source_is_the_provider(cache):
    fake = FakeGeocoder()
    matches = resolve(["Idlib", NOWHERE, "Qwxzz Nothing", NOWHERE])
    out = online.fill(matches, "nominatim", "test-agent", geocoder_instance=fake, cache=cache, sleep=lambda s: None)
    assert [q for q, _ in fake.calls] == [NOWHERE, "Qwxzz Nothing"]  # once each, Idlib never
    assert out[0] == matches[0]
    assert (out[1].lat, out[1].lon, out[1].source, out[1].how) == (36.1, 36.7, "nominatim", "online")
    assert out[1].id == "nominatim:node/42" and out[3] == out[1]
    assert not out[2].matched and "nominatim found nothing" in out[2].note


def test_ambiguous_names_are_not_sent(cache):
    from geo.geocode import Match

    fake = FakeGeocoder(places={"Tell Hamdan": (36.0, 37.0)})
    ambiguous = Match("Tell Hamdan", alternatives="a; b", note="ambiguous: 2 admin3 areas named 'Tell Hamdan'")
    out = online.fill([ambiguous], "nominatim", "ua", geocoder_instance=fake, cache=cache)
    assert fake.calls == [] and out == [ambiguous]


def test_rate_limited_at_least_one_second_for_nominatim(cache):
    fake = FakeGeocoder()
    clock = FakeClock()
    names = [f"Unknown place {i}" for i in range(4)]
    online.fill(resolve(names), "nominatim", "ua", geocoder_instance=fake, cache=cache, clock=clock,
                sleep=clock.sleep, min_delay=0.1)  # fmt: skip
    assert len(fake.calls) == 4
    assert clock.sleeps == [1.0, 1.0, 1.0]  # a smaller min_delay cannot go below the policy


def test_cache_answers_without_asking_again(cache):
    fake = FakeGeocoder()
    first = online.fill(resolve([NOWHERE, "Qwxzz Nothing"]), "nominatim", "ua", geocoder_instance=fake, cache=cache,
                        sleep=lambda s: None)  # fmt: skip
    again = FakeGeocoder(places={})
    second = online.fill(resolve([NOWHERE.upper(), "qwxzz nothing"]), "nominatim", "ua", geocoder_instance=again,
                         cache=cache, sleep=lambda s: None)  # fmt: skip
    assert again.calls == []  # the folded query hits the cache, "nothing found" included
    assert (second[0].lat, second[0].lon) == (first[0].lat, first[0].lon)
    assert not second[1].matched
    info = cache.info()
    assert info["entries"] == 2 and info["providers"] == {"nominatim": 2}
    assert cache.clear("arcgis") == 0 and cache.clear() == 2 and cache.info()["entries"] == 0


def test_cache_is_per_provider_and_country(cache):
    fake = FakeGeocoder()
    kw = {"cache": cache, "sleep": lambda s: None}
    online.fill(resolve([NOWHERE]), "nominatim", "ua", geocoder_instance=fake, **kw)
    online.fill(resolve([NOWHERE]), "photon", None, geocoder_instance=fake, **kw)
    online.fill(resolve([NOWHERE]), "nominatim", "ua", country="SY", geocoder_instance=fake, **kw)
    assert len(fake.calls) == 3
    assert fake.calls[2][1]["country_codes"] == ["sy"]


def test_failures_are_noted_not_cached_and_refusals_stop(cache):
    flaky = FakeGeocoder(fail=GeocoderTimedOut("timed out"))
    out = online.fill(resolve([NOWHERE]), "nominatim", "ua", geocoder_instance=flaky, cache=cache, sleep=lambda s: None)
    assert not out[0].matched and "GeocoderTimedOut" in out[0].note
    assert len(flaky.calls) == 3  # RateLimiter retried twice
    assert cache.info()["entries"] == 0
    refused = FakeGeocoder(fail=GeocoderQuotaExceeded("quota"))
    with pytest.raises(GeocoderError, match="nominatim refused"):
        online.fill(resolve([NOWHERE]), "nominatim", "ua", geocoder_instance=refused, cache=cache,
                    sleep=lambda s: None)  # fmt: skip


def test_bbox_refuses_answers_elsewhere(cache):
    fake = FakeGeocoder(places={NOWHERE: (48.8, 2.3)})
    out = online.fill(resolve([NOWHERE]), "nominatim", "ua", bbox=(35.5, 32, 42.5, 37.5), geocoder_instance=fake,
                      cache=cache, sleep=lambda s: None)  # fmt: skip
    assert not out[0].matched and "outside --bbox" in out[0].note


def test_geocoder_by_name_and_user_agent():
    assert type(online.geocoder("arcgis")).__name__ == "ArcGIS"
    assert online.geocoder("Nominatim", user_agent="my-org").headers["User-Agent"] == "my-org"
    with pytest.raises(InputError, match="user agent"):
        online.geocoder("nominatim")
    with pytest.raises(InputError, match="unknown geocoder 'nominatum'"):
        online.geocoder("nominatum")
    with pytest.raises(InputError, match="needs more settings"):
        online.geocoder("opencage")  # wants an API key


class FakeTransport(BaseSyncAdapter):
    """Stands in for geopy's HTTP adapter: the real Nominatim class, canned JSON, no network."""

    urls: list[str] = []

    def get_json(self, url, *, timeout, headers):
        FakeTransport.urls.append(url)
        assert headers["User-Agent"] == "geo-tests"
        return [{"lat": "35.9", "lon": "36.6", "display_name": "Kafr Nowhere, Idlib, Syria", "osm_type": "node",
                 "osm_id": 7}]  # fmt: skip

    def get_text(self, url, *, timeout, headers):
        return json.dumps(self.get_json(url, timeout=timeout, headers=headers))


def test_real_nominatim_class_with_replaced_transport(cache):
    service = online.geocoder("nominatim", "geo-tests", adapter_factory=FakeTransport)
    out = online.fill(resolve(["Kafr Nowhere"]), "nominatim", "geo-tests", country="SY", geocoder_instance=service,
                      cache=cache, sleep=lambda s: None)  # fmt: skip
    assert (out[0].lat, out[0].lon, out[0].id) == (35.9, 36.6, "nominatim:node/7")
    assert "countrycodes=sy" in FakeTransport.urls[-1]


def test_torn_cache_is_rebuilt(tmp_path):
    path = tmp_path / "online.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    cache = online.Cache(path)
    assert cache.get("nominatim", "x") == (False, None)
    cache.put("nominatim", "x", None)
    assert cache.get("nominatim", "x") == (True, None)


@pytest.mark.online
def test_nominatim_for_real(tmp_path):  # pragma: no cover - needs the network
    out = online.fill(resolve(["Kafr Takharim"]), "nominatim", "geo-tests (online marker)",
                      cache=online.Cache(tmp_path / "c.sqlite"))  # fmt: skip
    assert out[0].matched
