"""Errors raised by geo.

Every error derives from :class:`GeoError`, and also from the builtin it is a
kind of, so callers can catch either (``except ValueError`` still works).
The command line turns any ``GeoError`` into one line and exit code 2.
"""

from __future__ import annotations


class GeoError(Exception):
    """Base class of every error geo raises on purpose."""


class InputError(GeoError, ValueError):
    """The input is unusable: a missing column, a bad figure, an empty file."""


class FileFormatError(InputError):
    """A file cannot be read as the format it claims to be."""


class GeometryError(InputError):
    """Geometry that is missing, out of range or in an unknown CRS."""


class GeocoderError(GeoError, RuntimeError):
    """An online geocoder failed or refused (only with opt-in providers)."""


class MissingDependencyError(GeoError, ImportError):
    """An optional library is needed for this feature; the message names the extra."""
