"""Normalisation and tokenisation: the character-level half of the analysis."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Hebrew letters, including Yiddish ligatures and the presentation forms that NFKC
# folds back to plain letters (U+FB1E is a point and U+FB29 a plus sign: excluded).
HEBREW_LETTERS = "\u05d0-\u05ea\u05ef-\u05f2\ufb1d\ufb1f-\ufb28\ufb2a-\ufb4f"

# Characters that stay inside a word without splitting it: Hebrew points and
# cantillation, combining accents, Arabic harakat, and invisible format characters
# (zero-width joiners, soft hyphen, bidi controls). They are dropped from ``norm``.
_MARKS = (
    "\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\ufb1e"
    "\u0610-\u061a\u064b-\u065f\u0670\u0640"
    "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
)
# Joiners: geresh/gershayim (and what people type for them) between Hebrew letters,
# an apostrophe between other letters (don't, O'Brien).
_HEBREW_JOINERS = "'\"\u05f3\u05f4\u2018\u2019\u201c\u201d"
_OTHER_JOINERS = "'\u2018\u2019"
GERESH = "\u05f3"
FINAL_LETTERS = "ךםןףץ"

# Bidi controls can reorder a rendered snippet (the "Trojan Source" trick): they are
# removed from every norm and from highlight output.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

_H = f"[{HEBREW_LETTERS}]"
_HEBREW_LETTER_RE = re.compile(_H)
_O = f"(?:(?!{_H})[^\\W_])"  # any other letter or digit
_M = f"[{_MARKS}]*"
_TOKEN_RE = re.compile(
    # Hebrew word; a trailing geresh belongs to it (ג׳, גב׳) unless a letter follows.
    # A final letter ends a word: a quote after it is not gershayim (שלום"עולם).
    f"{_H}{_M}(?:(?:(?<![{FINAL_LETTERS}])[{_HEBREW_JOINERS}]{_M})?{_H}{_M})*"
    f"(?:{GERESH}(?!{_H}))?"
    # Latin (or Cyrillic, Arabic...) letters and digits.
    f"|{_O}{_M}(?:(?:[{_OTHER_JOINERS}]{_M})?{_O}{_M})*"
)
_DROP_RE = re.compile(f"[{_MARKS}{_HEBREW_JOINERS}]")
_TRAILING_INVISIBLE = frozenset(
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_FINALS = str.maketrans(FINAL_LETTERS, "כמנפצ")


@dataclass(frozen=True)
class Token:
    """One word of a text: ``text[start:end] == surface``, ``norm`` is one word."""

    surface: str
    start: int
    end: int
    norm: str


@lru_cache(maxsize=131072)
def _normalize_word(surface: str) -> str:
    word = unicodedata.normalize("NFKC", surface).casefold()
    # NFD exposes accents (é -> e + U+0301) so that they can be dropped with the points.
    word = _DROP_RE.sub("", unicodedata.normalize("NFD", word))
    word = unicodedata.normalize("NFC", word).translate(_FINALS)
    # NFKC can expand a character into punctuation (½ -> 1⁄2): keep one word.
    return "".join(ch for ch in word if ch.isalnum())


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into words with offsets into the original string.

    A word is a run of Hebrew letters or a run of other letters and digits (a script
    change splits: ``בGoogle`` is ``ב`` + ``google``). Points, accents and invisible
    format characters stay inside the surface; geresh, gershayim and apostrophes
    between letters join (``צה"ל``, ``ג'ירפה``, ``don't``); maqaf, hyphens and all
    other punctuation separate.
    """
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        while text[end - 1] in _TRAILING_INVISIBLE:
            end -= 1
        surface = text[start:end]
        norm = _normalize_word(surface)
        if norm:
            tokens.append(Token(surface, start, end, norm))
    return tokens


def normalize(text: str) -> str:
    """NFKC, casefold, no points/cantillation/accents/bidi controls, final letters
    folded (ם -> מ), in-word geresh/gershayim dropped (צה"ל -> צהל), every other
    punctuation a separator; the words are joined by single spaces."""
    return " ".join(token.norm for token in tokenize(text))


def is_hebrew(term: str) -> bool:
    """True when ``term`` has letters and every one of them is Hebrew."""
    letters = [ch for ch in term if ch.isalpha()]
    return bool(letters) and all(_HEBREW_LETTER_RE.match(ch) for ch in letters)


def is_latin(term: str) -> bool:
    """True when ``term`` (a norm) contains a Latin letter: it gets English stemming."""
    return any(ch.isalpha() and ch < "\u0250" for ch in term)
