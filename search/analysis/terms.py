"""Index-side expansion: Hebrew prefix stripping and English stemming."""

from __future__ import annotations

import threading
from functools import lru_cache
from itertools import product

import snowballstemmer

from .text import is_hebrew, is_latin, tokenize

# Shortest remainder a stripped prefix may leave. Two, not three: many real words
# have two letters (גן, חג, ים, בן, עם, יד) and בגן / לחג / הים must be found by them.
# One would index junk such as ל (of של) and ה (of מה). The price: some two-letter
# remainders are not words (בית -> ית); nobody searches for them.
MIN_STEM_LETTERS = 2


def _prefix_chains() -> tuple[str, ...]:
    """Every prefix a chain of Hebrew proclitics can form, longest first.

    The order is fixed in Hebrew: ו, then a subordinator (ש, כש, לכש, מש), then one
    preposition (ב כ ל מ), then the article ה. ב/כ/ל absorb the article in standard
    spelling (בבית, not בהבית), but מה/שה/וה keep it and ל+ה occurs in informal text,
    so the article is allowed after any of them.
    """
    chains = {
        "".join(parts)
        for parts in product(
            ("", "ו"), ("", "ש", "כש", "לכש", "מש"), ("", *"בכלמ"), ("", "ה")
        )
    }
    chains.discard("")
    return tuple(sorted(chains, key=lambda chain: (-len(chain), chain)))


PREFIX_CHAINS = _prefix_chains()


@lru_cache(maxsize=65536)
def _hebrew_variants(norm: str) -> tuple[str, ...]:
    variants = [norm]
    for chain in reversed(PREFIX_CHAINS):  # shortest first: closest variants first
        rest = norm[len(chain) :]
        if not norm.startswith(chain) or len(rest) < MIN_STEM_LETTERS:
            continue
        variants.append(rest)
        # A word-initial consonantal ו is doubled after a prefix in plene spelling
        # (הוועד, בוויכוח): also index the single-ו form people type (ועד).
        if rest.startswith("וו") and len(rest) > MIN_STEM_LETTERS:
            variants.append(rest[1:])
    return tuple(dict.fromkeys(variants))


def hebrew_variants(norm: str) -> list[str]:
    """``norm`` itself, then the words left by stripping each valid prefix chain.

    ``והקהילה`` gives ``הקהילה``, ``קהילה`` (and ``קהילה`` via וה); no variant is
    shorter than ``MIN_STEM_LETTERS``, so ``של`` and ``מה`` give only themselves.
    """
    return list(_hebrew_variants(norm))


_local = threading.local()


@lru_cache(maxsize=65536)
def english_stem(norm: str) -> str:
    """Snowball (Porter 2) English stem of a normalised word; stemmer objects keep
    state while stemming, so each thread gets its own."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(norm)


def term_variants(norm: str) -> list[str]:
    """What the expanded field holds for one word (see ``index_terms``)."""
    return list(_term_variants(norm))


@lru_cache(maxsize=131072)
def _term_variants(norm: str) -> tuple[str, ...]:
    # Cached: a corpus repeats its words, and analysis dominates a rebuild.
    if is_hebrew(norm):
        return tuple(hebrew_variants(norm))
    if is_latin(norm):
        return tuple(dict.fromkeys((norm, english_stem(norm))))
    return (norm,)


def index_terms(text: str) -> tuple[list[str], list[str]]:
    """``(exact, expanded)`` terms of a text, ready to be joined with spaces.

    ``exact`` holds every word's norm in order (positions serve phrase queries);
    ``expanded`` holds, word by word, the Hebrew prefix variants or the English
    word and its stem; digits and other scripts appear as they are.
    """
    exact: list[str] = []
    expanded: list[str] = []
    for token in tokenize(text):
        exact.append(token.norm)
        expanded.extend(_term_variants(token.norm))
    return exact, expanded
