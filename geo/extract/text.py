"""Text in: reading files, stripping HTML, and splitting sentences with their offsets.

Offsets everywhere in :mod:`geo.extract` are character offsets into the text
given to :func:`geo.extract.extract` (for an HTML file, its text with the tags
stripped), so ``text[start:end]`` is always the passage a row came from.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

from geo.errors import InputError

# Characters that would upset a regular expression or a CSV reader are blanked one for one, so offsets hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre hr dd dt dl "
    "figcaption caption nav aside main title td th".split()
)


def blank_controls(text: str) -> str:
    """Control and bidi characters → spaces, one for one (offsets stay valid)."""
    return _CONTROL.sub(" ", text)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: tags stripped, script/style dropped, blocks on their own lines.

    >>> html_to_text("<p>Some 5,000 fled.</p><script>alert(1)</script><p>More&nbsp;came.</p>")
    'Some 5,000 fled.\\n\\nMore came.'
    """
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def read(path: str | os.PathLike) -> str:
    """The text of a .txt, .md or .html file ('-' for stdin), as :func:`geo.extract.extract` wants it.

    HTML is recognised by its extension or, for stdin and other names, by starting with a tag.
    """
    from geo.io import read_text

    text = read_text(path)
    suffix = Path(str(path)).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml") or (
        suffix not in (".txt", ".md", ".markdown", ".text")
        and re.match(r"\s*<(!doctype|html|body|p|div)\b", text, re.I)
    ):
        return html_to_text(text)
    if suffix not in ("", ".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml") and "\x00" in text:
        raise InputError(f"{path}: looks like a binary file, not text")
    return text


# ------------------------------------------------------------------ sentences
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc e.g i.e approx est gov govt dept jan feb mar apr jun jul aug sep sept oct "
    "nov dec fig para art vol p pp u.s u.n u.k ca cf al inc ltd co corp sr jr gen col lt maj capt sgt".split()
)
# A block break: a blank line, or a line that starts a list item, heading, table row or quote.
_BLOCK_BREAK = re.compile(r"\n[ \t]*(?:\n|(?=[-*+•#|>]|\d{1,3}[.)]\s))")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[*_]*[A-Z0-9\u0600-\u06ff]")
_LINE = re.compile(r"[^\n]*\n?")
# List bullets, heading hashes, quote and table marks before a sentence are not part of it.
_MARKER = re.compile(r"\s*(?:(?:[-*+•>|]|#{1,6}|\d{1,3}[.)])(?=\s)\s*)*")


_JOINING_WORDS = frozenset("the a an to toward towards of and or from in at by for with some than into near".split())


def _stands_alone(line: str) -> bool:
    words = line.split()
    if not words or len(line.strip()) >= 70 or line.endswith((",", ";", "-", "–")):
        return False
    return words[-1].lower() not in _JOINING_WORDS


def _blocks(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BLOCK_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.start() + 1
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        # A short line with no closing punctuation (a title, a dateline) stands alone.
        pos = s
        for line in _LINE.finditer(text, s, e):
            if not line.group():
                break
            body = line.group().rstrip()
            end = line.start() + len(body)
            if line.group().endswith("\n") and (_stands_alone(body) or body.endswith(":")):
                out.append((pos, end))
                pos = line.end()
        out.append((pos, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed; titles, list items and table rows are units of their own.

    >>> t = "Flash update\\n\\nSome 5,000 people fled Saraqib. Dr. Lee said 200 more came on 3 Feb. and left."
    >>> [t[s:e] for s, e in sentences(t)]
    ['Flash update', 'Some 5,000 people fled Saraqib.', 'Dr. Lee said 200 more came on 3 Feb. and left.']
    """
    out = []
    for bs, be in _blocks(text):
        pos = bs
        for m in _SENTENCE_END.finditer(text, bs, be):
            nxt = _NEXT_START.match(text, m.end(), be)
            if not nxt:
                continue
            before = re.search(r"([\w.]+)\.+$", text[max(bs, m.start() - 20) : m.start() + 1])
            word = before.group(1).lower() if before and text[m.start()] == "." else ""
            if word and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
                continue
            if _MARKER.fullmatch(text, pos, m.end() + 1):
                continue  # "1. " numbering a list item
            out.append((pos, m.end()))
            pos = m.end()
        out.append((pos, be))
    trimmed = []
    for s, e in out:
        chunk = text[s:e]
        marker = _MARKER.match(chunk)
        lead = marker.end() if marker else 0
        s2, e2 = s + lead, s + len(chunk.rstrip())
        if e2 > s2 and re.search(r"\w", text[s2:e2]):
            trimmed.append((s2, e2))
    return trimmed
