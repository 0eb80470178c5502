"""HXL: columns found by hashtag (``#affected+idps``) rather than by header text."""

from __future__ import annotations

import re


def _tag_parts(tag: str) -> tuple[str, frozenset[str]]:
    tag = re.sub(r"\s+", "", str(tag)).lower()
    if not tag.startswith("#"):
        tag = "#" + tag
    head, *attrs = tag.split("+")
    return head, frozenset(a for a in attrs if a)


def hxl_column(df, pattern: str) -> str | None:
    """The column whose HXL hashtag matches ``pattern``, or None.

    Attributes may come in any order and the column may carry more of them;
    the closest match (fewest extra attributes), then the leftmost, wins.

    >>> import pandas as pd
    >>> df = pd.DataFrame(columns=["Site", "IDPs"])
    >>> df.attrs["hxl"] = {"Site": "#loc+name", "IDPs": "#affected+ind+idps"}
    >>> hxl_column(df, "#affected+idps"), hxl_column(df, "#geo+lat")
    ('IDPs', None)
    """
    tags = df.attrs.get("hxl") or {}
    want_head, want_attrs = _tag_parts(pattern)
    best = None
    for col in df.columns:
        if col not in tags:
            continue
        head, attrs = _tag_parts(tags[col])
        if head == want_head and want_attrs <= attrs:
            extra = len(attrs - want_attrs)
            if best is None or extra < best[0]:
                best = (extra, col)
    return None if best is None else best[1]
