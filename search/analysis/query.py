"""Query side: websearch-style syntax parsed into normalised terms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .terms import english_stem
from .text import FINAL_LETTERS, HEBREW_LETTERS, is_latin, tokenize

MAX_TERMS = 32  # every word of every kind counts; the rest of the query is ignored
MAX_QUERY_CHARS = 1000  # read no further (bounds the work before the cap applies)
MIN_PREFIX_CHARS = 2  # an autocomplete prefix of one letter matches too much

# A quote opens or closes a phrase unless it sits between two Hebrew letters, where
# it is gershayim (צה"ל). Hebrew keyboards and word processors produce all of these.
# A final letter ends a word, so a quote after one is never gershayim (שלום"עולם).
_QUOTES = '"\u201c\u201d\u201e\u05f4'
_QUOTE_RE = re.compile(
    f"(?<![{HEBREW_LETTERS}])[{_QUOTES}]|(?<=[{FINAL_LETTERS}])[{_QUOTES}]"
    f"|[{_QUOTES}](?![{HEBREW_LETTERS}])"
)
_OR_WORDS = frozenset({"or", "|"})


@dataclass(frozen=True)
class QueryTerm:
    """One query word: ``exact`` is looked up in the exact field, ``expanded`` in the
    expanded one (``prefix``: both by prefix, for autocomplete)."""

    exact: str
    expanded: str
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed query. The engines require every ``must`` term, every phrase and one
    term of each ``any_of`` group, and reject documents with an ``exclude`` term."""

    must: tuple[QueryTerm, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    any_of: tuple[tuple[QueryTerm, ...], ...] = ()
    exclude: tuple[QueryTerm, ...] = ()

    def is_empty(self) -> bool:
        """True when nothing positive is asked: exclusions alone match nothing."""
        return not (self.must or self.phrases or self.any_of)

    def all_terms(self) -> list[QueryTerm]:
        """Every positive term, phrase words included, without duplicates."""
        terms = [*self.must, *(term for group in self.any_of for term in group)]
        terms += [make_term(word) for phrase in self.phrases for word in phrase]
        return list(dict.fromkeys(terms))


def make_term(norm: str, *, prefix: bool = False) -> QueryTerm:
    """The query term for a normalised word. Hebrew looks itself up in the expanded
    field (the index holds the prefix-stripped forms); English looks up its stem. A
    prefix is not stemmed (a stem of half a word is meaningless): the expanded field
    also holds the unstemmed word, which a prefix matches."""
    stem = is_latin(norm) and not prefix
    return QueryTerm(norm, english_stem(norm) if stem else norm, prefix)


@dataclass
class _Builder:
    budget: int = MAX_TERMS
    must: list[QueryTerm] = field(default_factory=list)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    any_of: list[list[QueryTerm]] = field(default_factory=list)
    exclude: list[QueryTerm] = field(default_factory=list)
    last: object = None  # the item the last chunk produced (autocomplete, OR)

    def take(self, words: list[str]) -> list[str]:
        words = words[: self.budget]
        self.budget -= len(words)
        return words

    def add_phrase(self, words: list[str]) -> None:
        words = self.take(words)
        if len(words) > 1:
            self.phrases.append(tuple(words))
        elif words:
            self.add_must(words[0])

    def add_must(self, word: str) -> None:
        term = make_term(word)
        self.must.append(term)
        self.last = term

    def add_or(self, word: str) -> None:
        """``a OR b``: ``a`` (the previous plain word, or group) joins ``b``."""
        term = make_term(word)
        if isinstance(self.last, QueryTerm):  # self.last is self.must[-1]
            self.any_of.append([self.must.pop()])
        self.any_of[-1].append(term)
        self.last = self.any_of[-1]

    def add_chunk(self, chunk: str, or_pending: bool) -> None:
        negate = chunk.startswith("-")
        words = self.take([token.norm for token in tokenize(chunk)])
        if negate:
            # -בית־ספר excludes its words; lone letters (ב of ב-2024) would exclude
            # nearly everything, so they are skipped.
            self.exclude += [
                make_term(w) for w in words if len(w) > 1 or len(words) == 1
            ]
        elif len(words) > 1:
            self.phrases.append(tuple(words))  # e-mail, בית־ספר: words in this order
        elif words and or_pending and self.last is not None:
            self.add_or(words[0])
            return
        elif words:
            self.add_must(words[0])
            return
        self.last = None


def _segments(q: str, autocomplete: bool) -> list[tuple[bool, str]]:
    """``(is_phrase, text)`` pieces. An unclosed quote makes the rest a phrase, as in
    PostgreSQL, except while autocompleting, where it is still being typed."""
    parts = _QUOTE_RE.split(q)
    segments = [(index % 2 == 1, part) for index, part in enumerate(parts)]
    if len(parts) % 2 == 0 and autocomplete:  # odd number of quotes
        segments[-1] = (False, segments[-1][1])
    return segments


def parse_query(q: str, *, autocomplete: bool = False) -> Query:
    """Parse websearch syntax: words (all required), ``"a phrase"``, ``a OR b``,
    ``-word``. Never raises; junk gives an empty query. OR binds tighter than the
    implicit AND (``a b OR c`` is a AND (b OR c)). ``autocomplete`` makes the last
    word, when it is a plain word, a prefix."""
    builder = _Builder()
    for is_phrase, text in _segments(q[:MAX_QUERY_CHARS], autocomplete):
        if is_phrase:
            builder.add_phrase([token.norm for token in tokenize(text)])
            builder.last = None
            continue
        or_pending = False
        for chunk in text.split():
            if chunk.casefold() in _OR_WORDS:
                or_pending = True
                continue
            builder.add_chunk(chunk, or_pending)
            or_pending = False
    if autocomplete:
        _mark_prefix(builder)
    groups = [tuple(dict.fromkeys(group)) for group in builder.any_of]
    must = builder.must + [group[0] for group in groups if len(group) == 1]
    return Query(
        must=tuple(dict.fromkeys(must)),
        phrases=tuple(dict.fromkeys(builder.phrases)),
        any_of=tuple(dict.fromkeys(group for group in groups if len(group) > 1)),
        exclude=tuple(dict.fromkeys(builder.exclude)),
    )


def _mark_prefix(builder: _Builder) -> None:
    last = builder.last
    if (
        not isinstance(last, QueryTerm)
        or not builder.must
        or builder.must[-1] is not last
    ):
        return
    builder.must.pop()
    if len(last.exact) >= MIN_PREFIX_CHARS:
        builder.must.append(make_term(last.exact, prefix=True))
