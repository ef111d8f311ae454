"""Result snippets: a window of the text with the matching words marked."""

from __future__ import annotations

import html
import re

from .query import Query, QueryTerm
from .terms import term_variants
from .text import BIDI_CONTROLS, Token, tokenize

ELLIPSIS = "\u2026"
MAX_ANCHORS = 200  # candidate windows examined in a long text
# Bidi controls could reorder the snippet around the <mark>s; control characters
# have no business in HTML. Runs of whitespace (newlines too) become one space.
_UNSAFE_RE = re.compile(f"[{BIDI_CONTROLS}\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]")
_SPACE_RE = re.compile(r"\s+")


def _clean(text: str) -> str:
    return html.escape(_SPACE_RE.sub(" ", _UNSAFE_RE.sub("", text)), quote=True)


def _term_matches(term: QueryTerm, norm: str, variants: list[str]) -> bool:
    if term.prefix:
        return any(variant.startswith(term.exact) for variant in (norm, *variants))
    return norm == term.exact or term.expanded in variants


def _matches(tokens: list[Token], terms: list[QueryTerm]) -> dict[int, set[QueryTerm]]:
    """Token index -> the terms it matches, for the tokens that match any."""
    found = {}
    for index, token in enumerate(tokens):
        variants = term_variants(token.norm)
        hits = {term for term in terms if _term_matches(term, token.norm, variants)}
        if hits:
            found[index] = hits
    return found


def _best_window_start(
    tokens: list[Token], matches: dict[int, set[QueryTerm]], lead: int, size: int
) -> tuple[int, int]:
    """``(window start, anchor token)``: the window with the most distinct terms,
    then the most exact forms, then the earliest."""
    indexes = sorted(matches)
    best, best_score = (0, indexes[0]), (-1, -1)
    for anchor in indexes[:MAX_ANCHORS]:
        start = max(0, tokens[anchor].start - lead)
        terms: set[QueryTerm] = set()
        exact = 0
        for index in indexes:
            token = tokens[index]
            if token.start < start:
                continue
            if token.end > start + size:
                break
            terms |= matches[index]
            exact += any(term.exact == token.norm for term in matches[index])
        if (len(terms), exact) > best_score:
            best, best_score = (start, anchor), (len(terms), exact)
    return best


def _snap(
    tokens: list[Token], start: int, end: int, keep: Token | None
) -> tuple[int, int]:
    """Move the window edges out of words: a cut word is left out, unless it is the
    match the window is for."""
    if start > 0:
        start = next((token.start for token in tokens if token.start >= start), start)
    for token in reversed(tokens):
        if token.start < end < token.end:
            end = token.start
            break
    if keep is not None:
        start, end = min(start, keep.start), max(end, keep.end)
    return start, end


def highlight(text: str, query: Query, *, max_chars: int = 240) -> str:
    """A safe HTML snippet of ``text`` (about ``max_chars`` characters) around the
    best match, each matching word in ``<mark>``, ``…`` where text was cut.

    Everything is escaped (``html.escape(quote=True)``) and bidi controls are
    removed, so the result can be marked safe. No match: the beginning of the text.
    """
    tokens = tokenize(text)
    matches = _matches(tokens, query.all_terms()) if tokens else {}
    size = max(max_chars, 1)
    keep = None
    start = 0
    if matches:
        start, anchor = _best_window_start(tokens, matches, size // 4, size)
        keep = tokens[anchor]
    end = min(len(text), start + size)
    if end == len(text):  # short tail: spend the rest of the budget before the match
        start = max(0, min(start, end - size))
    start, end = _snap(tokens, start, end, keep)

    parts = []
    position = start
    for index, token in enumerate(tokens):
        if token.start < start or token.end > end:
            continue
        parts.append(_clean(text[position : token.start]))
        surface = _clean(token.surface)
        parts.append(f"<mark>{surface}</mark>" if index in matches else surface)
        position = token.end
    parts.append(_clean(text[position:end]))
    snippet = "".join(parts).strip()
    if text[:start].strip():
        snippet = ELLIPSIS + snippet
    if text[end:].strip():
        snippet += ELLIPSIS
    return snippet
