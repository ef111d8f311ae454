"""Language analysis for the project search, done in Python so that every engine
(SQLite FTS5, PostgreSQL, Elasticsearch) sees the same space-separated terms.

Each document field is indexed twice (``index_terms``):

* **exact**: every word normalised, in order. Normalisation (``normalize``) is NFKC,
  casefolding, removal of Hebrew points (niqqud) and cantillation, of Latin accents
  and Arabic harakat, and of invisible format characters (bidi controls, zero-width
  joiners, soft hyphens); final letters become regular (ם -> מ); geresh and
  gershayim between letters are dropped so the word stays one (צה"ל -> צהל, ג'ודו ->
  גודו); maqaf, hyphens and all other punctuation separate words (בית־ספר -> בית ספר).
  A change of script splits a word (בGoogle -> ב google). Phrase queries and the
  first ranking tier use this field.
* **expanded**: per word, Hebrew gets itself plus every form left by stripping a
  valid chain of proclitics (ו, then ש/כש/לכש/מש, then one of ב כ ל מ, then ה;
  ``hebrew_variants``), never leaving fewer than two letters; English gets the word
  and its Snowball stem (``english_stem``); digits and other scripts stay as they
  are. A query word is looked up here as itself (Hebrew) or as its stem (English),
  so קהילה finds והקהילה and בקהילה, and community finds communities.

Queries (``parse_query``) use websearch syntax: words are ANDed, ``"..."`` is a
phrase, ``OR`` between words, ``-word`` excludes; gershayim inside a word is not a
quote. ``highlight`` builds an escaped snippet with ``<mark>``s from the same analysis.

Limits, by design:

* Prefix stripping happens on the index side only and without a dictionary, so it
  over-matches: רכזים also finds מרכזים, בת finds שבת, גן finds מגן. Such
  matches are only in the expanded field; exact forms must rank first.
* A query keeps its own prefixes: הקהילה does not find בקהילה (only the forms with
  ה: והקהילה, שהקהילה). Type the bare word for the widest search.
* No lemmatisation: plural, construct and possessive forms (קהילות, קהילת,
  קהילתנו, מרכז/מרכזים) are different words; so are plene and defective spellings
  (קהילה / קהלה), which removing niqqud can produce from vocalised text.
* English stemming only (Snowball); other Latin-script languages are folded
  (accents) but not stemmed. Cyrillic and Arabic are normalised but not stemmed;
  scripts whose words contain spacing vowel signs (e.g. Devanagari) split badly.
* No stop words are removed (phrases need every position); ranking deals with them.
* OR binds tighter than AND and takes single words only (a phrase next to OR stays
  a required phrase); a query with only exclusions is empty.
"""

from .highlight import highlight
from .query import MAX_TERMS, Query, QueryTerm, parse_query
from .terms import english_stem, hebrew_variants, index_terms, term_variants
from .text import Token, is_hebrew, normalize, tokenize

__all__ = [
    "MAX_TERMS",
    "Query",
    "QueryTerm",
    "Token",
    "english_stem",
    "hebrew_variants",
    "highlight",
    "index_terms",
    "is_hebrew",
    "normalize",
    "parse_query",
    "term_variants",
    "tokenize",
]
