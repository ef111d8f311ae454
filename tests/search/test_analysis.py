"""Language analysis (search.analysis): pure functions, no database."""

import pytest

from search.analysis import (
    MAX_TERMS,
    Query,
    QueryTerm,
    english_stem,
    hebrew_variants,
    highlight,
    index_terms,
    is_hebrew,
    normalize,
    parse_query,
    tokenize,
)

# --- normalize -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Removing niqqud leaves the defective spelling (ktiv haser): the vocalised
        # קְהִלָּה becomes קהלה, not the plene קהילה used in unvocalised text.
        ("קְהִלָּה", "קהלה"),
        ("הַקְּהִלָּה", "הקהלה"),
        # Cantillation (etnachta U+0591) and shin/sin dots go too.
        ("וְהַקְּהִלָּה\u0591", "והקהלה"),
        ("שָׁלוֹם", "שלומ"),
        ("שׂמחה", "שמחה"),
    ],
)
def test_normalize_removes_points_and_cantillation(text, expected):
    assert normalize(text) == expected


def test_normalize_folds_final_letters():
    assert normalize("ך ם ן ף ץ") == "כ מ נ פ צ"
    assert normalize("מרכזים קהילתיים") == normalize("מרכזימ קהילתיימ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("צה״ל", "צהל"),  # gershayim U+05F4
        ('צה"ל', "צהל"),  # ASCII double quote as typed on a keyboard
        ("צה”ל", "צהל"),  # what a word processor makes of it
        ("תשפ״ו", "תשפו"),
        ("ג׳ודו", "גודו"),  # geresh U+05F3
        ("ג'ירפה", "גירפה"),
        ("גב׳ כהן", "גב כהנ"),  # a trailing geresh belongs to the word
        ("don't O’Brien", "dont obrien"),
    ],
)
def test_normalize_geresh_and_gershayim_keep_one_word(text, expected):
    assert normalize(text) == expected


def test_quotes_around_hebrew_words_are_not_gershayim():
    assert normalize("\"שלום\" 'עולם'") == "שלומ עולמ"
    # A final letter ends a word: a quote after it separates.
    assert normalize('שלום"עולם') == "שלומ עולמ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("בית־ספר", "בית ספר"),  # maqaf U+05BE
        ("בראשית׃ ברא", "בראשית ברא"),  # sof pasuq U+05C3
        ("e-mail, Hello! (world)...", "e mail hello world"),
        ("ב-2024", "ב 2024"),
        ("בGoogle", "ב google"),  # a change of script splits
        ("snake_case", "snake case"),
        ("!!! ... ---", ""),
        ("", ""),
    ],
)
def test_normalize_punctuation_separates(text, expected):
    assert normalize(text) == expected


def test_normalize_nfkc_casefold_and_accents():
    assert normalize("ＡＢＣ ﬁle Straße CAFÉ") == "abc file strasse cafe"
    # Hebrew presentation forms fold to plain letters.
    assert normalize("ﬠﬡשׁ") == "עאש"


def test_normalize_strips_bidi_and_invisible_characters():
    assert normalize("ab\u202ecd\u202c \u2067שלום\u2069") == "abcd שלומ"
    assert normalize("com\u00admunity \u200fקהילה\u200e") == "community קהילה"


# --- tokenize --------------------------------------------------------------------


def test_tokenize_offsets_point_into_original_text():
    text = "שלום, הַקְּהִלָּה! Hello צה״ל"
    tokens = tokenize(text)
    assert [t.surface for t in tokens] == ["שלום", "הַקְּהִלָּה", "Hello", "צה״ל"]
    assert [t.norm for t in tokens] == ["שלומ", "הקהלה", "hello", "צהל"]
    for token in tokens:
        assert text[token.start : token.end] == token.surface


def test_tokenize_maqaf_splits_into_two_tokens():
    tokens = tokenize("בית־ספר")
    assert [(t.surface, t.start, t.end) for t in tokens] == [
        ("בית", 0, 3),
        ("ספר", 4, 7),
    ]


def test_tokenize_mixed_hebrew_english_digits():
    tokens = tokenize("פגישת Community ב-15/3 בשעה 18:00")
    assert [t.norm for t in tokens] == [
        "פגישת",
        "community",
        "ב",
        "15",
        "3",
        "בשעה",
        "18",
        "00",
    ]


def test_tokenize_does_not_end_on_invisible_character():
    tokens = tokenize("שלום\u202e עולם")
    assert tokens[0].surface == "שלום"


def test_normalize_is_the_tokens_norms():
    text = "וְהַקְּהִלָּה צה״ל e-mail Straße ½ ג׳"
    assert normalize(text) == " ".join(t.norm for t in tokenize(text))
    assert all(t.norm and " " not in t.norm for t in tokenize(text))


# --- is_hebrew / english_stem ----------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("קהילה", True),
        ('צה"ל', True),
        ("community", False),
        ("2024", False),
        ("", False),
        ("בgoogle", False),
    ],
)
def test_is_hebrew(term, expected):
    assert is_hebrew(term) is expected


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        (("communities", "community"), "communiti"),
        (("training", "trained", "train", "trains"), "train"),
        (("centers", "center"), "center"),
    ],
)
def test_english_stem(words, stem):
    assert {english_stem(word) for word in words} == {stem}


# --- hebrew_variants -------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("והקהילה", "קהילה"),
        ("בקהילה", "קהילה"),
        ("הקהילה", "קהילה"),
        ("שבקהילה", "קהילה"),
        ("כשהקהילה", "קהילה"),
        ("וכשהקהילה", "קהילה"),
        ("לכשהקהילה", "קהילה"),
        ("מהקהילה", "קהילה"),
        ("ושהקהילה", "קהילה"),
        ("ולקהילה", "קהילה"),
        ("בגנ", "גנ"),  # two-letter words are found (גן, חג, ים)
        ("לחג", "חג"),
        ("הימ", "ימ"),
    ],
)
def test_hebrew_variants_strip_prefix_chains(word, stem):
    variants = hebrew_variants(word)
    assert variants[0] == word
    assert stem in variants


def test_hebrew_variants_never_leave_fewer_than_two_letters():
    assert hebrew_variants("של") == ["של"]
    assert hebrew_variants("מה") == ["מה"]
    assert hebrew_variants("ב") == ["ב"]
    # בית -> ית is a harmless non-word; nothing shorter is produced.
    assert hebrew_variants("בית") == ["בית", "ית"]
    assert hebrew_variants("מרכזימ") == ["מרכזימ", "רכזימ"]
    for word in ("מרכזימ", "ולכשהמ", "משה", "ושל", "בבית"):
        assert all(len(v) >= 2 for v in hebrew_variants(word)), word


def test_hebrew_variants_only_strip_valid_chains():
    # ה before ב is not a prefix chain; neither is a letter outside ו ה ב כ ל מ ש.
    assert "ית" not in hebrew_variants("הבית")
    assert hebrew_variants("הבית") == ["הבית", "בית"]
    assert hebrew_variants("אבית") == ["אבית"]
    assert hebrew_variants("תלמיד") == ["תלמיד"]


def test_hebrew_variants_double_vav_after_prefix():
    assert "ועד" in hebrew_variants("הוועד")
    assert "ועד" in hebrew_variants("בוועד")


# --- index_terms -----------------------------------------------------------------


def test_index_terms_exact_keeps_order_and_duplicates():
    exact, _ = index_terms("הקהילה, הקהילה! Communities")
    assert exact == ["הקהילה", "הקהילה", "communities"]


def test_index_terms_expanded():
    _, expanded = index_terms("והקהילה training 2024 Привет")
    assert expanded == [
        "והקהילה",
        "הקהילה",
        "קהילה",
        "training",
        "train",
        "2024",
        "привет",
    ]
    _, expanded = index_terms("center")  # the stem equals the word: once
    assert expanded == ["center"]


@pytest.mark.parametrize("text", ["והקהילה", "בקהילה", "וּבַקְּהִילָּה"])
def test_query_word_is_found_in_prefixed_forms(text):
    (term,) = parse_query("קהילה").must
    assert term.expanded in index_terms(text)[1]


def test_plural_phrase_from_issue_matches_with_article():
    _, expanded = index_terms("המרכזים הקהילתיים")
    for term in parse_query("מרכזים קהילתיים").must:
        assert term.expanded in expanded


def test_english_query_matches_other_inflections():
    _, expanded = index_terms("Our community trained volunteers")
    for term in parse_query("communities training volunteer").must:
        assert term.expanded in expanded


def test_exact_field_keeps_precision():
    # The exact field has only the surface forms: exact matches can rank first.
    exact, expanded = index_terms("מרכזים")
    assert exact == ["מרכזימ"]
    assert "רכזימ" in expanded and "רכזימ" not in exact


# --- parse_query -----------------------------------------------------------------


def _words(terms):
    return [term.exact for term in terms]


def test_parse_plain_words_are_all_required():
    query = parse_query("מרכזים קהילתיים")
    assert _words(query.must) == ["מרכזימ", "קהילתיימ"]
    assert query.phrases == query.any_of == query.exclude == ()
    assert not query.is_empty()


def test_parse_english_terms_use_stems():
    (term,) = parse_query("Communities").must
    assert term == QueryTerm("communities", "communiti")
    (term,) = parse_query("קהילות").must
    assert term == QueryTerm("קהילות", "קהילות")


def test_parse_or_groups():
    query = parse_query("ועד b OR c OR d e")
    assert _words(query.must) == ["ועד", "e"]
    assert [_words(group) for group in query.any_of] == [["b", "c", "d"]]
    assert [_words(g) for g in parse_query("חוג or סדנה").any_of] == [["חוג", "סדנה"]]


@pytest.mark.parametrize("q", ["OR", "OR a", "a OR", "a OR a"])
def test_parse_dangling_or(q):
    query = parse_query(q)
    assert query.any_of == ()
    assert _words(query.must) == ([] if q == "OR" else ["a"])


def test_parse_phrase():
    query = parse_query('"ועד הבית" חניה')
    assert query.phrases == (("ועד", "הבית"),)
    assert _words(query.must) == ["חניה"]
    assert parse_query("״ועד הבית״").phrases == (("ועד", "הבית"),)
    assert parse_query("“ועד הבית”").phrases == (("ועד", "הבית"),)
    assert parse_query('"שלום"').phrases == ()  # one word: a plain word
    assert _words(parse_query('"שלום"').must) == ["שלומ"]


def test_parse_hyphenated_word_is_a_phrase():
    assert parse_query("בית־ספר").phrases == (("בית", "ספר"),)
    assert parse_query("e-mail").phrases == (("e", "mail"),)


def test_parse_exclude():
    query = parse_query("חוג -ערב -")
    assert _words(query.must) == ["חוג"]
    assert _words(query.exclude) == ["ערב"]
    # -ב-2024 must not exclude every document containing the letter ב.
    assert _words(parse_query("חוג -ב-2024").exclude) == ["2024"]


def test_parse_exclusions_only_is_empty():
    assert parse_query("-ערב").is_empty()


def test_parse_gershayim_inside_word_is_not_a_phrase():
    query = parse_query('צה"ל מילואים')
    assert query.phrases == ()
    assert _words(query.must) == ["צהל", "מילואימ"]
    query = parse_query('"דובר צה"ל" הודעה')
    assert query.phrases == (("דובר", "צהל"),)
    assert _words(query.must) == ["הודעה"]


@pytest.mark.parametrize("q", ['"ועד הבית', 'ועד "הבית', '"', '""', 'a "b" "c d'])
def test_parse_unbalanced_quotes_do_not_crash(q):
    query = parse_query(q)
    assert isinstance(query, Query)


def test_parse_unbalanced_quote_makes_a_phrase_of_the_rest():
    assert parse_query('חוג "ועד הבית').phrases == (("ועד", "הבית"),)


@pytest.mark.parametrize("q", ["", "   ", "!!! ... ,,,", "- -- ---", '"" ״״', "OR or"])
def test_parse_junk_is_empty(q):
    query = parse_query(q)
    assert query.is_empty()
    assert query == Query()
    assert query.all_terms() == []


def test_parse_caps_the_number_of_terms():
    words = [f"w{i}" for i in range(100)]
    query = parse_query(" ".join(words))
    assert _words(query.must) == words[:MAX_TERMS]
    query = parse_query('"' + " ".join(words) + '" x')
    assert sum(len(p) for p in query.phrases) + len(query.must) <= MAX_TERMS
    query = parse_query(" ".join(f"-{w}" for w in words))
    assert len(query.exclude) == MAX_TERMS


def test_parse_huge_query_is_bounded():
    query = parse_query("קהילה " * 100_000)
    assert _words(query.must) == ["קהילה"]


def test_autocomplete_marks_last_plain_word_as_prefix():
    query = parse_query("ועד הב", autocomplete=True)
    assert query.must == (QueryTerm("ועד", "ועד"), QueryTerm("הב", "הב", prefix=True))
    assert parse_query("ועד הב").must[-1].prefix is False


def test_autocomplete_prefix_is_not_stemmed():
    (term,) = parse_query("communi", autocomplete=True).must
    assert term == QueryTerm("communi", "communi", prefix=True)


def test_autocomplete_drops_one_letter_prefix():
    assert _words(parse_query("ועד ה", autocomplete=True).must) == ["ועד"]


def test_autocomplete_no_prefix_after_phrase_or_exclusion():
    query = parse_query('ועד "הבית שלנו"', autocomplete=True)
    assert not any(t.prefix for t in query.all_terms())
    query = parse_query("ועד -הבית", autocomplete=True)
    assert not any(t.prefix for t in query.all_terms())


def test_autocomplete_unclosed_quote_is_still_being_typed():
    query = parse_query('"ועד הב', autocomplete=True)
    assert query.phrases == ()
    assert query.must[-1] == QueryTerm("הב", "הב", prefix=True)


def test_all_terms_include_phrase_words_and_groups():
    query = parse_query('חוג "ועד הבית" a OR communities')
    assert _words(query.all_terms()) == ["חוג", "a", "communities", "ועד", "הבית"]
    assert query.all_terms()[2].expanded == "communiti"


# --- highlight -------------------------------------------------------------------


def test_highlight_marks_hebrew_prefixed_forms():
    html = highlight("פתיחת השנה והקהילה מוזמנת בקהילה שלנו", parse_query("קהילה"))
    assert html == ("פתיחת השנה <mark>והקהילה</mark> מוזמנת <mark>בקהילה</mark> שלנו")


def test_highlight_marks_english_stems():
    html = highlight("Our community trained.", parse_query("communities training"))
    assert html == "Our <mark>community</mark> <mark>trained</mark>."


def test_highlight_marks_vocalised_and_gershayim_words():
    html = highlight("הודעת צה״ל לתושבים", parse_query('צה"ל'))
    assert html == "הודעת <mark>צה״ל</mark> לתושבים"


def test_highlight_prefix_terms_match_by_startswith():
    query = parse_query("ועד הב", autocomplete=True)
    html = highlight("ועד הבית ובהבנה", query)
    assert html == "<mark>ועד</mark> <mark>הבית</mark> <mark>ובהבנה</mark>"


def test_highlight_escapes_html():
    text = '<script>alert("x")</script> <img src=x onerror="קהילה"> קהילה'
    html = highlight(text, parse_query("קהילה"))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "onerror=&quot;<mark>קהילה</mark>&quot;" in html
    assert html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_highlight_escapes_single_quotes_and_ampersands():
    html = highlight("Tom's & Jerry's <b>", parse_query("zzz"))
    assert html == "Tom&#x27;s &amp; Jerry&#x27;s &lt;b&gt;"


def test_highlight_removes_bidi_controls():
    text = "קהילה \u202eevil\u202c \u2066x\u2069 \u200fטקסט\u061c"
    html = highlight(text, parse_query("קהילה"))
    for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200f\u061c":
        assert char not in html
    assert html == "<mark>קהילה</mark> evil x טקסט"


def test_highlight_window_with_ellipsis_and_whole_words():
    text = "מילה " * 100 + "הקהילה שלנו " + "סוף " * 100
    html = highlight(text, parse_query("קהילה"), max_chars=60)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>הקהילה</mark>" in html
    body = html.strip("…")
    words = body.replace("<mark>", "").replace("</mark>", "").split()
    assert set(words) <= {"מילה", "הקהילה", "שלנו", "סוף"}  # no cut words
    assert len(body.replace("<mark>", "").replace("</mark>", "")) <= 60


def test_highlight_prefers_window_with_more_terms():
    text = "חוג " + "מילה " * 100 + "חוג ריקוד " + "מילה " * 100
    html = highlight(text, parse_query("חוג ריקוד"), max_chars=40)
    assert "<mark>חוג</mark> <mark>ריקוד</mark>" in html
    assert html.startswith("…")


def test_highlight_match_near_end_uses_budget_before_it():
    text = "מילה " * 100 + "קהילה"
    html = highlight(text, parse_query("קהילה"), max_chars=50)
    assert html.endswith("<mark>קהילה</mark>")
    assert len(html) > 40


def test_highlight_without_match_gives_beginning():
    assert highlight("abc def", parse_query("zzz")) == "abc def"
    html = highlight("אחת שתיים שלוש ארבע חמש", parse_query("zzz"), max_chars=12)
    assert html == "אחת שתיים…"
    assert highlight("", parse_query("קהילה")) == ""
    assert highlight("<b>bold</b>", Query()) == "&lt;b&gt;bold&lt;/b&gt;"


def test_highlight_long_word_is_not_cut():
    word = "א" * 50
    html = highlight(f"x {word} y", parse_query(word), max_chars=10)
    assert f"<mark>{word}</mark>" in html


def test_highlight_collapses_whitespace():
    html = highlight("שורה\nשנייה\t\tקהילה", parse_query("קהילה"))
    assert html == "שורה שנייה <mark>קהילה</mark>"


def test_highlight_does_not_mark_excluded_terms():
    html = highlight("חוג ערב", parse_query("חוג -ערב"))
    assert html == "<mark>חוג</mark> ערב"
