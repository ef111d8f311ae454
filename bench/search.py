#!/usr/bin/env python
"""The project search on a generated corpus, next to Wagtail's own database backend.

Generates a deterministic corpus (seeded) of ``--docs`` documents (default 100,000;
``--quick``: 5,000) in Hebrew and English about community centres, trainings,
awards, themes and news: titles, bodies of 60 to 150 words with Hebrew proclitics
(ו ה ב ל מ ש and their chains) on plural and construct forms, dates, types,
communities, languages and audiences (mostly ``public``, some ``login`` and
``member:<community>``). Then, per database (SQLite in a temporary file, and
PostgreSQL when it answers on 127.0.0.1:5432, in its own throw-away database
``kehilot_bench_search``), in a fresh subprocess (``cms.settings.dev``,
``DEBUG=false``, migrated):

* **ours** (``search.engines``, SQLite FTS5 or PostgreSQL ``tsvector``):
  ``IndexDocument``s built with ``search.analysis.index_terms`` are fed to
  ``engine.rebuild(batches of 500)``; documents/s including the analysis, and the
  analysis alone (its caches cleared first);
* **peer** (Wagtail's ``wagtail.search.backends.database``, i.e. modelsearch:
  FTS5 on SQLite, its PostgreSQL backend on PostgreSQL) indexes the same rows
  through a proxy model of ``SearchEntry`` declared here (``title`` and ``body``
  searched, ``title`` for autocomplete), the way ``rebuild_modelsearch_index``
  does it (chunks of 1000, atomic rebuilder); documents/s;
* ~30 fixed queries (Hebrew words that need prefix stripping, two words, English
  stems, phrases, OR, exclusion, rare and common terms), each timed ``--repeats``
  times, interleaved: ours as the public search page asks (``audience={public}``,
  results + total + facets), ours without facets, and the peer (first page of 20
  + count; it has no permission filter and no facets, so "ours without facets"
  is the like-for-like figure); then autocomplete prefixes (8 titles) on both.

The parent prints one table with both engines and the ratios ours/peer, a
per-query table, and whether each side found the Hebrew prefixed forms, and
writes the figures to ``bench/results/``. Nothing is asserted: figures vary by
machine. The temporary SQLite file and the PostgreSQL database are removed on
exit, Ctrl-C and errors (a leftover database is dropped by the next run).

    python bench/search.py [--docs 100000 | --quick] [--engines sqlite,postgresql]
                           [--repeats 5] [--timeout 30] [--budget 30]

A call is stopped after ``--timeout`` seconds (PostgreSQL ``statement_timeout``,
SQLite ``interrupt()``) and counted as the timeout; no new run of a query starts
after ``--budget`` seconds on it (each mode runs at least once).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

from machine_info import load, machine

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "kehilot_bench_search"
PG_SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
SEED = 20261121
BATCH = 500  # documents per engine write (search_index rebuild's default)
PEER_CHUNK = 1000  # rebuild_modelsearch_index's default
TIMEOUT = "timeout"

# --- the corpus ---------------------------------------------------------------------

# (singular, plural, construct singular, construct plural)
HE_NOUNS = [
    ("קהילה", "קהילות", "קהילת", "קהילות"),
    ("מרכז", "מרכזים", "מרכז", "מרכזי"),
    ("הכשרה", "הכשרות", "הכשרת", "הכשרות"),
    ("פרס", "פרסים", "פרס", "פרסי"),
    ("נושא", "נושאים", "נושא", "נושאי"),
    ("שנה", "שנים", "שנת", "שנות"),
    ("רכז", "רכזים", "רכז", "רכזי"),
    ("מתנדב", "מתנדבים", "מתנדב", "מתנדבי"),
    ("משפחה", "משפחות", "משפחת", "משפחות"),
    ("פעילות", "פעילויות", "פעילות", "פעילויות"),
    ("תוכנית", "תוכניות", "תוכנית", "תוכניות"),
    ("אירוע", "אירועים", "אירוע", "אירועי"),
    ("סדנה", "סדנאות", "סדנת", "סדנאות"),
    ("טקס", "טקסים", "טקס", "טקסי"),
    ("ועד", "ועדים", "ועד", "ועדי"),
    ("מועדון", "מועדונים", "מועדון", "מועדוני"),
    ("ספרייה", "ספריות", "ספריית", "ספריות"),
    ("כנס", "כנסים", "כנס", "כנסי"),
    ("שכונה", "שכונות", "שכונת", "שכונות"),
    ("עיר", "ערים", "עיר", "ערי"),
    ("ילד", "ילדים", "ילד", "ילדי"),
    ("הורה", "הורים", "הורה", "הורי"),
    ("חג", "חגים", "חג", "חגי"),
    ("גן", "גנים", "גן", "גני"),
    ("בית", "בתים", "בית", "בתי"),
    ("זוכה", "זוכים", "זוכה", "זוכי"),
    ("מפגש", "מפגשים", "מפגש", "מפגשי"),
    ("נוער", "נוער", "נוער", "נוער"),
    ("תרבות", "תרבות", "תרבות", "תרבות"),
    ("ספורט", "ספורט", "ספורט", "ספורט"),
    ("מורשת", "מורשת", "מורשת", "מורשת"),
    ("מנהיגות", "מנהיגות", "מנהיגות", "מנהיגות"),
    ("התנדבות", "התנדבות", "התנדבות", "התנדבות"),
]
HE_VERBS = (
    "התקיים התקיימה הוקם הוקמה נפתח נפתחה זכה זכתה השתתפו הכריזה יצאו חגגו "
    "הציגו אירחה ארגנו הודיעה נבחרו למדו סיימו יזמו הזמינו קיבלו"
).split()
HE_ADJECTIVES = (
    "חדש חדשה קהילתי קהילתית קהילתיים צעירים ארצי שנתי שנתית ראשון גדול מיוחד "
    "פתוח משותף מקומי"
).split()
HE_FUNCTION = "של עם על את גם כל אחרי לפני בין עוד כמו אשר זה זו הם".split()
HE_CITIES = "חיפה אילת ירושלים נתניה צפת טבריה עכו דימונה אשדוד רחובות".split()
# Proclitic chains (bare most of the time), as they occur in running text.
HE_PREFIXES = ["ו", "ה", "ב", "ל", "מ", "ש", "וה", "וב", "ול", "שב", "מה", "כש", "לה"]
HE_LATIN = ["Zoom", "WhatsApp", "Google", "Facebook"]

EN_NOUNS = [
    ("community", "communities"),
    ("center", "centers"),
    ("training", "trainings"),
    ("award", "awards"),
    ("theme", "themes"),
    ("volunteer", "volunteers"),
    ("coordinator", "coordinators"),
    ("youth", "youth"),
    ("family", "families"),
    ("event", "events"),
    ("workshop", "workshops"),
    ("program", "programs"),
    ("meeting", "meetings"),
    ("ceremony", "ceremonies"),
    ("library", "libraries"),
    ("club", "clubs"),
    ("neighborhood", "neighborhoods"),
    ("city", "cities"),
    ("leadership", "leadership"),
    ("culture", "culture"),
    ("heritage", "heritage"),
    ("parent", "parents"),
    ("child", "children"),
    ("holiday", "holidays"),
]
EN_VERBS = (
    "held opened trained awarded celebrated hosted announced organized joined "
    "completed launched welcomed presented chose"
).split()
EN_ADJECTIVES = "new annual local national young open joint special first".split()
EN_FUNCTION = "the of in for with and a to at on from this all".split()
EN_CITIES = "Haifa Eilat Jerusalem Netanya Safed Tiberias Acre Dimona".split()

# Rare words: a handful of documents each.
RARE = {"he": ("אקורדיון", 0.001), "en": ("xylophone", 0.0005)}

TYPES = [
    # type, model label, plugin, weight
    ("news", "cms.newspage", "", 40),
    ("event", "cms.eventpage", "", 22),
    ("page", "cms.standardpage", "", 10),
    ("community", "cms.communitypage", "", 3),
    ("training", "training.training", "training", 13),
    ("award", "awards.award", "awards", 12),
]

# Bare Hebrew words whose documents mostly hold prefixed forms: the qualitative
# point of the comparison (does each side find והקהילה, בקהילה... for קהילה?).
PREFIX_WORDS = ["קהילה", "מרכז", "הכשרה", "מתנדבים", "ועד", "סדנה", "טקס", "נוער"]

QUERIES = [
    *((w, "he prefix") for w in PREFIX_WORDS),
    ("מרכז קהילתי", "he two words"),
    ("הכשרת רכזים", "he two words"),
    ("פרס מתנדבים", "he two words"),
    ('"מרכז קהילתי"', "phrase"),
    ('"community center"', "phrase"),
    ("community", "en stem"),
    ("trainings", "en stem"),
    ("volunteer", "en stem"),
    ("awarded", "en stem"),
    ("coordinators", "en stem"),
    ("youth workshop", "en two words"),
    ("פרס OR טקס", "or"),
    ("training OR workshop", "or"),
    ("קהילה -נוער", "exclusion"),
    ("community -youth", "exclusion"),
    ("אקורדיון", "rare"),
    ("xylophone", "rare"),
    ("אקורדיון קהילה", "rare + common"),
    ("של", "common"),
    ("the", "common"),
    ("Zoom מפגש", "mixed script"),
    ("פלפלת", "no match"),
]
AUTOCOMPLETE = [
    "קה",
    "קהי",
    "מרכ",
    "הכש",
    "מתנד",
    "ספרי",
    "מרכז קה",
    "comm",
    "train",
    "volun",
    "community ce",
]


def _he_word(rng: random.Random, noun: tuple[str, ...]) -> str:
    form = noun[rng.randrange(4)]
    if rng.random() < 0.45:
        prefix = rng.choice(HE_PREFIXES)
        # Plene spelling doubles a word-initial ו after a prefix (הוועד).
        if form.startswith("ו") and not form.startswith("וו"):
            form = "ו" + form
        return prefix + form
    return form


def _he_sentence(rng: random.Random, words: int) -> list[str]:
    out = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.45:
            out.append(_he_word(rng, rng.choice(HE_NOUNS)))
        elif roll < 0.60:
            out.append(rng.choice(HE_VERBS))
        elif roll < 0.75:
            out.append(rng.choice(HE_ADJECTIVES))
        elif roll < 0.93:
            out.append(rng.choice(HE_FUNCTION))
        elif roll < 0.97:
            out.append(rng.choice(("ב", "ל", "מ", "")) + rng.choice(HE_CITIES))
        elif roll < 0.985:
            out.append(rng.choice(HE_LATIN))
        else:
            out.append(str(rng.randrange(2018, 2027)))
    return out


def _en_sentence(rng: random.Random, words: int) -> list[str]:
    out = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.40:
            out.append(rng.choice(rng.choice(EN_NOUNS)))
        elif roll < 0.55:
            out.append(rng.choice(EN_VERBS))
        elif roll < 0.68:
            out.append(rng.choice(EN_ADJECTIVES))
        elif roll < 0.95:
            out.append(rng.choice(EN_FUNCTION))
        elif roll < 0.99:
            out.append(rng.choice(EN_CITIES))
        else:
            out.append(str(rng.randrange(2018, 2027)))
    return out


def _text(rng: random.Random, language: str, total_words: int) -> str:
    sentence = _he_sentence if language == "he" else _en_sentence
    sentences = []
    written = 0
    while written < total_words:
        length = min(rng.randint(6, 14), total_words - written)
        words = sentence(rng, length)
        if language == "en":
            words[0] = words[0].capitalize()
        sentences.append(" ".join(words) + rng.choice(".....,;!?"))
        written += length
    word, probability = RARE[language]
    if rng.random() < probability:
        sentences.insert(rng.randrange(len(sentences) + 1), f"{word}.")
    return " ".join(sentences)


def generate_corpus(count: int, seed: int = SEED) -> list[dict]:
    """``count`` raw documents, the same for the same ``count`` and ``seed``."""
    rng = random.Random(seed)
    communities = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(60)]
    types = [t[:3] for t in TYPES]
    weights = [t[3] for t in TYPES]
    start = datetime.datetime(2018, 1, 1, 8, tzinfo=datetime.UTC)
    span_days = (datetime.datetime(2026, 11, 20, tzinfo=datetime.UTC) - start).days
    docs = []
    for number in range(count):
        language = "he" if rng.random() < 0.7 else "en"
        kind, label, plugin = rng.choices(types, weights)[0]
        community = rng.choice(communities)
        roll = rng.random()
        if roll < 0.88:
            audience = ("public",)
        elif roll < 0.95:
            audience = ("login",)
        else:
            audience = (f"member:{community}",)
        date = None
        if kind != "page" or rng.random() < 0.5:
            date = start + datetime.timedelta(
                days=rng.randrange(span_days), minutes=rng.randrange(600)
            )
        theme_year = rng.randrange(2022, 2027) if rng.random() < 0.35 else None
        title_words = rng.randint(3, 8)
        if language == "he":
            title = " ".join(_he_sentence(rng, title_words))
        else:
            title = " ".join(_en_sentence(rng, title_words)).capitalize()
        docs.append(
            {
                "key": f"{label}:{number + 1}",
                "model_label": label,
                "object_id": str(number + 1),
                "plugin": plugin,
                "title": title,
                "body": _text(rng, language, rng.randint(60, 150)),
                "url": f"/bench/{number + 1}/",
                "type": kind,
                "community_key": community,
                "language": language,
                "date": date,
                "theme_year": theme_year,
                "facets": {"level": rng.choice(["a", "b", "c"])} if plugin else {},
                "audience": audience,
            }
        )
    return docs


_HEBREW_WORD = re.compile("[\u05d0-\u05ea]+")


def prefix_ground_truth(docs: list[dict]) -> dict[str, dict[str, int]]:
    """Per word of ``PREFIX_WORDS``: documents holding it bare, and holding it bare
    or with one of the generator's prefixes (what a Hebrew reader expects)."""
    forms = {}
    for word in PREFIX_WORDS:
        stem = "ו" + word if word.startswith("ו") else word
        forms[word] = {p + stem for p in HE_PREFIXES}
    truth = {w: {"bare": 0, "any_form": 0} for w in PREFIX_WORDS}
    for doc in docs:
        words = set(_HEBREW_WORD.findall(doc["title"] + " " + doc["body"]))
        for word in PREFIX_WORDS:
            bare = word in words
            truth[word]["bare"] += bare
            truth[word]["any_form"] += bare or not words.isdisjoint(forms[word])
    return truth


# --- the worker (one per database, in a fresh subprocess) ---------------------------


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {"p50": 0.0, "p95": 0.0, "mean": 0.0, "n": 0}

    def pick(pct: float) -> float:
        return ordered[
            min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))
        ]

    return {
        "p50": pick(50),
        "p95": pick(95),
        "mean": statistics.fmean(ordered),
        "n": len(ordered),
    }


def _log(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _peer_query(text: str):
    """Our websearch syntax as modelsearch query objects: the best a Wagtail site
    can ask of its backend (words ANDed, phrases, OR, exclusion)."""
    from wagtail.search.query import And, Not, Or, Phrase, PlainText

    parts: list = []
    pending_or = False
    for token in re.findall(r'"[^"]*"|\S+', text):
        if token.upper() == "OR":
            pending_or = True
            continue
        if token.startswith('"'):
            node = Phrase(token.strip('"'))
        elif token.startswith("-") and len(token) > 1:
            node = Not(PlainText(token[1:]))
        else:
            node = PlainText(token)
        if pending_or and parts:
            previous = parts.pop()
            subqueries = previous.subqueries if isinstance(previous, Or) else [previous]
            node = Or([*subqueries, node])
        parts.append(node)
        pending_or = False
    return parts[0] if len(parts) == 1 else And(parts)


def worker(count: int, repeats: int, timeout: float, budget: float) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    _log(f"{connection.vendor}: migrated in {time.perf_counter() - started:.0f} s")

    from wagtail.search import index
    from wagtail.search.backends import get_search_backend

    from search.analysis import index_terms, parse_query, terms
    from search.engines import get_engine
    from search.engines.base import IndexDocument, SearchRequest
    from search.models import SearchEntry

    class BenchEntry(index.Indexed, SearchEntry):
        """The same rows, as Wagtail's backend sees an indexed model."""

        search_fields = [
            index.SearchField("title"),
            index.SearchField("body"),
            index.AutocompleteField("title"),
        ]

        class Meta:
            proxy = True
            app_label = "kehilot_search"

    # What modelsearch's app does for every indexed model when it starts (the
    # PostgreSQL backend joins through it); BenchEntry came later.
    from modelsearch.abstract_models import TextIDGenericRelation
    from modelsearch.conf import get_app_config

    index_entry = get_app_config().get_model("IndexEntry")
    TextIDGenericRelation(index_entry).contribute_to_class(BenchEntry, "index_entries")

    started = time.perf_counter()
    raw = generate_corpus(count)
    truth = prefix_ground_truth(raw)
    _log(f"generated {count} documents in {time.perf_counter() - started:.1f} s")

    def clear_analysis_caches() -> None:
        terms._hebrew_variants.cache_clear()
        terms.english_stem.cache_clear()

    def build(data: dict) -> IndexDocument:
        title_exact, title_expanded = index_terms(data["title"])
        body_exact, body_expanded = index_terms(data["body"])
        return IndexDocument(
            **data,
            title_terms=" ".join(title_exact),
            body_terms=" ".join(body_exact),
            expanded_terms=" ".join(dict.fromkeys(title_expanded + body_expanded)),
        )

    # Analysis alone (documents built and dropped).
    clear_analysis_caches()
    began = time.perf_counter()
    for data in raw:
        build(data)
    analysis_s = time.perf_counter() - began
    _log(f"analysis: {count / analysis_s:.0f} docs/s")

    # Our rebuild, analysis included (cold caches), with a breakdown of the writes.
    engine = get_engine()
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - began

        return wrapper

    patched = ("_clear", "_delete_keys", "_insert", "_write_text")
    for name in patched:
        setattr(engine, name, timed(name, getattr(engine, name)))

    def batches():
        batch = []
        for data in raw:
            began = time.perf_counter()
            batch.append(build(data))
            spent["analysis"] += time.perf_counter() - began
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    clear_analysis_caches()
    began = time.perf_counter()
    indexed = engine.rebuild(batches())
    rebuild_s = time.perf_counter() - began
    for name in patched:
        delattr(engine, name)
    breakdown = {
        "analysis": spent["analysis"],
        "clear": spent["_clear"],
        "delete keys": spent["_delete_keys"],
        "rows (entries + audience)": spent["_insert"] - spent["_write_text"],
        "text (FTS rows / tsvector)": spent["_write_text"],
    }
    breakdown["commit and rest"] = rebuild_s - sum(breakdown.values())
    _log(f"ours: rebuilt {indexed} in {rebuild_s:.1f} s ({indexed / rebuild_s:.0f}/s)")
    raw.clear()  # the documents are in the database now

    # The peer: rebuild_modelsearch_index's steps for this one model.
    backend = get_search_backend("default")
    peer_index = backend.get_index_for_model(BenchEntry)
    began = time.perf_counter()
    rebuilder = backend.rebuilder_class(peer_index)
    peer_index = rebuilder.start()
    peer_index.add_model(BenchEntry)
    last, peer_count = 0, 0
    while True:
        chunk = list(BenchEntry.objects.filter(pk__gt=last).order_by("pk")[:PEER_CHUNK])
        if not chunk:
            break
        peer_index.add_items(BenchEntry, chunk)
        peer_count += len(chunk)
        last = chunk[-1].pk
    rebuilder.finish()
    peer_rebuild_s = time.perf_counter() - began
    _log(
        f"peer ({type(backend).__name__}): indexed {peer_count} in "
        f"{peer_rebuild_s:.1f} s ({peer_count / peer_rebuild_s:.0f}/s)"
    )

    if connection.vendor == "postgresql":
        # What autovacuum does within a minute or so of a rebuild; without it the
        # planner has no statistics for the new rows and skips the GIN index
        # (see bench/README.md). SQLite has no automatic ANALYZE: none there.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        _log("ANALYZE done")

    public = frozenset({"public"})

    def ours(text: str, facets: bool, audience=public) -> int:
        request = SearchRequest(
            query=parse_query(text), audience=audience, with_facets=facets
        )
        return engine.search(request).total

    def peer(text: str) -> int:
        results = backend.search(_peer_query(text), BenchEntry)
        list(results[:20])
        return results.count()

    def ours_complete(text: str) -> int:
        query = parse_query(text, autocomplete=True)
        request = SearchRequest(
            query=query, audience=public, limit=8, with_facets=False
        )
        return len(engine.autocomplete(request))

    def peer_complete(text: str) -> int:
        return len(list(backend.autocomplete(text, BenchEntry)[:8]))

    # No call may run longer than ``timeout`` seconds: PostgreSQL cancels the
    # statement, SQLite is interrupted from a timer thread.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(timeout * 1000)}")

    def clock(function, *args) -> tuple[float, object]:
        """``(ms, result)``; the result is ``TIMEOUT`` or an error message when
        the call did not complete."""
        timer = None
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            timer = threading.Timer(timeout, connection.connection.interrupt)
            timer.start()
        began = time.perf_counter()
        try:
            result = function(*args)
        except Exception as error:  # noqa: BLE001 - recorded, not fatal
            text = f"{type(error).__name__}: {error}"
            timed_out = any(
                word in text for word in ("interrupted", "statement timeout")
            )
            result = TIMEOUT if timed_out else text[:200]
        finally:
            if timer is not None:
                timer.cancel()
        return (time.perf_counter() - began) * 1000, result

    samples: dict[str, list[float]] = defaultdict(list)
    timeouts: dict[str, int] = defaultdict(int)

    def measure_one(row: dict, calls: dict) -> None:
        """Interleaved timed runs of ``calls`` (mode -> (function, args)): at
        least one each, then more until ``repeats`` or the query's ``budget``."""
        times = defaultdict(list)
        alive = dict(calls)
        began = time.perf_counter()
        for run in range(repeats):
            if run and time.perf_counter() - began > budget:
                break
            for mode, (function, args) in list(alive.items()):
                ms, result = clock(function, *args)
                if isinstance(result, int):
                    times[mode].append(ms)
                    row.setdefault(f"{mode}_hits", result)
                    continue
                del alive[mode]  # timed out or failed: not run again
                row[f"{mode}_hits"] = None
                if result == TIMEOUT:
                    timeouts[mode] += 1
                    times[mode].append(timeout * 1000)  # a lower bound
                    row[f"{mode}_error"] = f"timed out (> {timeout:.0f} s)"
                else:
                    row[f"{mode}_error"] = result
        for mode, values in times.items():
            row[f"{mode}_p50"] = statistics.median(values)
            row[f"{mode}_runs"] = len(values)
            samples[mode].extend(values)

    per_query = []
    began = time.perf_counter()
    for text, kind in QUERIES:
        row = {"query": text, "kind": kind}
        # Untimed: the count over all audiences, as the peer has no permissions.
        _ms, total = clock(ours, text, False, None)
        row["ours_total"] = total if isinstance(total, int) else None
        measure_one(
            row,
            {
                "facets": (ours, (text, True)),
                "plain": (ours, (text, False)),
                "peer": (peer, (text,)),
            },
        )
        per_query.append(row)
        _log(
            f"{text!r}: {row.get('facets_hits')} hits, "
            f"{row.get('facets_p50', 0):.0f} ms / {row.get('peer_p50', 0):.0f} ms"
        )
    _log(f"{len(QUERIES)} queries in {time.perf_counter() - began:.0f} s")

    completions = []
    for text in AUTOCOMPLETE:
        row = {"prefix": text}
        measure_one(
            row,
            {
                "complete": (ours_complete, (text,)),
                "peer_complete": (peer_complete, (text,)),
            },
        )
        completions.append(row)

    prefix_rows = []
    for row in per_query:
        if row["kind"] == "he prefix":
            prefix_rows.append(
                {
                    "word": row["query"],
                    **truth[row["query"]],
                    "ours": row["ours_total"],
                    "peer": row.get("peer_hits"),
                    "peer_error": row.get("peer_error", ""),
                }
            )
    return {
        "vendor": connection.vendor,
        "database": connection.settings_dict["ENGINE"].rsplit(".", 1)[-1],
        "engine": engine.name,
        "peer_backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "documents": count,
        "indexed": indexed,
        "peer_indexed": peer_count,
        "analysis_docs_s": count / analysis_s,
        "rebuild_docs_s": indexed / rebuild_s,
        "rebuild_s": rebuild_s,
        "rebuild_breakdown_s": breakdown,
        "peer_rebuild_docs_s": peer_count / peer_rebuild_s,
        "peer_rebuild_s": peer_rebuild_s,
        "latency_ms": {mode: _percentiles(v) for mode, v in samples.items()},
        "timeouts": dict(timeouts),
        "timeout_s": timeout,
        "queries": per_query,
        "autocomplete": completions,
        "prefix_forms": prefix_rows,
    }


# --- the driver ---------------------------------------------------------------------


def _admin_connection():
    import psycopg

    return psycopg.connect(
        dbname="postgres", autocommit=True, connect_timeout=5, **PG_SERVER
    )


def postgres_available() -> bool:
    try:
        with _admin_connection() as conn:
            conn.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


def create_database() -> None:
    with _admin_connection() as conn:
        # Ours by name: a run killed with SIGKILL may have left it behind.
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database() -> None:
    try:
        with _admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    except Exception as error:  # noqa: BLE001 - cleanup must not mask the cause
        print(f"could not drop {DB_NAME}: {error}", file=sys.stderr)


def run_worker(database_url: str, args) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "ELASTICSEARCH_URL": "",
        # The core search only; plugins under construction stay out of the way.
        "PLUGINS": os.environ.get("PLUGINS", "plugins.contrib.annual_themes"),
        "PYTHONPATH": str(ROOT),
        "PYTHONWARNINGS": "ignore",
    }
    command = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    command += ["--docs", str(args.docs), "--repeats", str(args.repeats)]
    command += ["--timeout", str(args.timeout), "--budget", str(args.budget)]
    result = subprocess.run(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"worker for {database_url} failed ({result.returncode})")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(args) -> list[dict]:
    results = []
    for engine in args.engines:
        print(f"{engine}: {args.docs} documents ...", file=sys.stderr, flush=True)
        if engine == "sqlite":
            directory = Path(tempfile.mkdtemp(prefix="kehilot-bench-search-"))
            try:
                results.append(
                    run_worker(f"sqlite:///{directory / 'db.sqlite3'}", args)
                )
            finally:
                shutil.rmtree(directory, ignore_errors=True)
        elif engine == "postgresql":
            if not postgres_available():
                print("PostgreSQL is not reachable on 127.0.0.1:5432: skipped")
                continue
            create_database()
            try:
                url = "postgres://{user}@{host}:{port}/".format(**PG_SERVER) + DB_NAME
                results.append(run_worker(url, args))
            finally:
                drop_database()
    return results


def _ms(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def print_report(results: list[dict], args, console) -> None:
    from rich.table import Table

    summary = Table(
        title=f"Search: {args.docs:,} documents (ours / Wagtail's database backend)",
        title_justify="left",
    )
    summary.add_column("figure")
    for result in results:
        summary.add_column(f"{result['engine']}\nours", justify="right")
        summary.add_column(f"{result['engine']}\nWagtail", justify="right")
        summary.add_column("ours /\nWagtail", justify="right")

    def rate_row(label: str, ours_key: str, peer_key: str | None) -> None:
        cells = [label]
        for result in results:
            ours = result[ours_key]
            peer = result[peer_key] if peer_key else None
            cells += [f"{ours:,.0f}", f"{peer:,.0f}" if peer else "-"]
            cells.append(f"{ours / peer:.2f}" if peer else "-")
        summary.add_row(*cells)

    rate_row("rebuild docs/s (with analysis)", "rebuild_docs_s", "peer_rebuild_docs_s")
    rate_row("analysis alone docs/s", "analysis_docs_s", None)

    def latency_row(label: str, mode: str, stat: str, peer_mode: str | None) -> None:
        cells = [label]
        for result in results:
            latency = result["latency_ms"]
            ours = latency[mode][stat]
            peer = latency[peer_mode][stat] if peer_mode in latency else None
            cells += [_ms(ours), _ms(peer) if peer is not None else "-"]
            cells.append(f"{ours / peer:.2f}" if peer else "-")
        summary.add_row(*cells)

    for stat in ("p50", "p95", "mean"):
        latency_row(f"search ms {stat}, with facets", "facets", stat, "peer")
    for stat in ("p50", "p95", "mean"):
        latency_row(f"search ms {stat}, no facets", "plain", stat, "peer")
    for stat in ("p50", "p95"):
        latency_row(f"autocomplete ms {stat}", "complete", stat, "peer_complete")
    console.print(summary)
    console.print(
        "Ours searches as the public page does (audience {public}, results + total "
        "+ facets; 'no facets' is the like-for-like row). Wagtail's backend gets "
        "the same queries as modelsearch query objects, no permission filter and "
        "no facets (first page of 20 + count). Latency ratios above 1: ours is "
        "slower; docs/s ratios above 1: ours is faster."
    )

    for result in results:
        breakdown = Table(
            title=f"{result['engine']}: where our rebuild's "
            f"{result['rebuild_s']:.1f} s went",
            title_justify="left",
        )
        breakdown.add_column("step")
        breakdown.add_column("s", justify="right")
        breakdown.add_column("share", justify="right")
        for step, seconds in result["rebuild_breakdown_s"].items():
            share = seconds / result["rebuild_s"]
            breakdown.add_row(step, f"{seconds:.1f}", f"{share:.0%}")
        console.print(breakdown)

        queries = Table(
            title=f"{result['engine']}: per query (median of up to {args.repeats} "
            f"runs; runs in brackets when fewer)",
            title_justify="left",
        )
        for column in ("query", "kind"):
            queries.add_column(column)
        for column in (
            "hits ours (all)",
            "hits ours (public)",
            "hits Wagtail",
            "ms ours facets",
            "ms ours no facets",
            "ms Wagtail",
        ):
            queries.add_column(column, justify="right")

        def hits(row: dict, key: str) -> str:
            value = row.get(key)
            return "-" if value is None else f"{value:,}"

        def median(row: dict, mode: str) -> str:
            if f"{mode}_p50" not in row:
                return "-"
            if row.get(f"{mode}_error", "").startswith("timed out"):
                return f">{_ms(row[f'{mode}_p50'])}"
            runs = row[f"{mode}_runs"]
            more = f" ({runs})" if runs < args.repeats else ""
            return _ms(row[f"{mode}_p50"]) + more

        for row in result["queries"]:
            queries.add_row(
                row["query"],
                row["kind"],
                hits(row, "ours_total"),
                hits(row, "facets_hits"),
                hits(row, "peer_hits"),
                median(row, "facets"),
                median(row, "plain"),
                median(row, "peer"),
            )
        for row in result["autocomplete"]:
            queries.add_row(
                row["prefix"],
                "autocomplete",
                "",
                hits(row, "complete_hits"),
                hits(row, "peer_complete_hits"),
                "",
                median(row, "complete"),
                median(row, "peer_complete"),
            )
        console.print(queries)
        for row in [*result["queries"], *result["autocomplete"]]:
            for mode in ("facets", "plain", "peer", "complete", "peer_complete"):
                if row.get(f"{mode}_error"):
                    name = row.get("query", row.get("prefix"))
                    console.print(f"{mode} on {name!r}: {row[f'{mode}_error']}")
        if result["timeouts"]:
            console.print(
                f"Calls stopped at the {result['timeout_s']:.0f} s timeout (counted "
                f"as {result['timeout_s']:.0f} s in the percentiles, a lower bound): "
                + ", ".join(f"{m} {n}" for m, n in result["timeouts"].items())
            )

        forms = Table(
            title=f"{result['engine']}: Hebrew words written with prefixes "
            "(documents, all audiences)",
            title_justify="left",
        )
        forms.add_column("query")
        for column in ("bare form in text", "bare or prefixed", "ours", "Wagtail"):
            forms.add_column(column, justify="right")
        for row in result["prefix_forms"]:
            forms.add_row(
                row["word"],
                f"{row['bare']:,}",
                f"{row['any_form']:,}",
                f"{row['ours']:,}",
                f"{row['peer']:,}"
                if row["peer"] is not None
                else row["peer_error"].split(" (")[0] or "-",
            )
        console.print(forms)
    console.print(
        "'bare or prefixed': documents with the word bare or after one of the "
        "generator's proclitic chains. Ours can count more (prefix stripping "
        "without a dictionary over-matches, e.g. רכזים in מרכזים)."
    )


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument(
        "--quick", action="store_true", help="5,000 documents (a smoke run)"
    )
    parser.add_argument(
        "--engines",
        type=lambda text: [e.strip() for e in text.split(",") if e.strip()],
        default=["sqlite", "postgresql"],
        help="sqlite and/or postgresql (default both; PostgreSQL when reachable)",
    )
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per query")
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds before a call is stopped"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=30.0,
        help="seconds per query after which no further run starts (at least one)",
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.docs = 5_000
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        result = worker(args.docs, args.repeats, args.timeout, args.budget)
        print(json.dumps(result, default=str))
        return 0
    from rich.console import Console

    signal.signal(signal.SIGTERM, signal.default_int_handler)
    began = time.perf_counter()
    try:
        results = measure(args)
    except KeyboardInterrupt:
        print("\ninterrupted; cleaning up", file=sys.stderr)
        return 130
    if not results:
        print("nothing measured", file=sys.stderr)
        return 1
    console = Console(width=max(Console().width, 130), highlight=False)
    when = datetime.datetime.now().astimezone().isoformat(timespec="minutes")
    console.print(
        f"\nKehilot search, {when}; {machine()}; load {load()}; "
        f"N = {args.docs:,} documents; {args.repeats} timed runs per query; "
        f"{time.perf_counter() - began:.0f} s in all"
    )
    print_report(results, args, console)
    out = args.json or ROOT / "bench" / "results" / f"search-{int(time.time())}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "when": when,
                "machine": machine(),
                "args": vars(args),
                "results": results,
            },
            indent=1,
            default=str,
        )
    )
    console.print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
