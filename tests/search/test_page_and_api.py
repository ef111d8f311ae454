"""The search as readers meet it: the page ``/search/``, ``/search/suggest/``, the
API ``/api/v3/search/`` and its autocomplete, the anonymous query log and the
admin report, on the shared corpus (``tests/search/conftest.py``)."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qsl

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from cms.models import NewsIndexPage, NewsPage, StandardPage
from search.engines import EngineError
from search.models import QueryStat
from tests.search.conftest import index_now
from tests.sitebuilder import publish

API = "/api/v3/search/"
AUTOCOMPLETE = "/api/v3/search/autocomplete/"
SUGGEST = "/search/suggest/"
HIT = re.compile(r'<li class="search-hit"')
FACET_LINK = re.compile(
    r'<section class="search-facet">\s*<h2>(?P<title>[^<]*)</h2>'
    r"(?P<body>.*?)</section>",
    re.S,
)
LINK = re.compile(r'<a href="(?P<href>[^"]*)"(?P<attrs>[^>]*)>(?P<label>[^<]*)<span')

LOGIN_TITLE = "פרוטוקול ועד הקהילה"
GROUP_TITLE = "תקציב הקהילה לוועד"
DRAFT_TITLE = "טיוטה על הקהילה"


def html(response) -> str:
    return response.content.decode()


def hit_count(response) -> int:
    return len(HIT.findall(html(response)))


def facet_links(response) -> dict[str, list[dict]]:
    """Facet title -> its links (href unescaped, label, selected)."""
    groups = {}
    for group in FACET_LINK.finditer(html(response)):
        groups[group["title"].strip()] = [
            {
                "href": unescape(link["href"]),
                "label": link["label"].strip(),
                "selected": "aria-current" in link["attrs"],
            }
            for link in LINK.finditer(group["body"])
        ]
    return groups


def api_titles(client, q: str) -> tuple[set[str], dict]:
    response = client.get(API, {"q": q})
    assert response.status_code == 200, response.content
    data = response.json()
    return {r["title"] for r in data["results"]}, data


def news_index(community) -> NewsIndexPage:
    return NewsIndexPage.objects.child_of(community).get()


# --- the page -------------------------------------------------------------------------
def test_hebrew_page_marks_prefixed_words_and_offers_facets(client, corpus):
    response = client.get("/search/", {"q": "קהילה"})
    assert response.status_code == 200
    body = html(response)
    assert '<html lang="he" dir="rtl"' in body
    assert hit_count(response) == 4
    # The bare word, and the forms with prefixes, are marked.
    assert "<mark>קהילה</mark>" in body
    assert "<mark>בקהילה</mark>" in body
    assert "<mark>והקהילה</mark>" in body
    assert "מיון:" in body and "עמוד 1 מתוך 1" in body  # the page speaks Hebrew
    groups = facet_links(response)
    assert set(groups) == {
        "סוג",
        "קהילה",
        "שפה",
    }  # type, community, language (the year is not a filter)
    for links in groups.values():
        assert links
        for link in links:
            assert not link["selected"]
            pairs = parse_qsl(link["href"].lstrip("?"))
            assert ("q", "קהילה") in pairs
            assert len(pairs) == 2  # q plus this facet's value
    hrefs = {link["href"] for links in groups.values() for link in links}
    assert "?q=%D7%A7%D7%94%D7%99%D7%9C%D7%94&type=news" in hrefs
    assert "?q=%D7%A7%D7%94%D7%99%D7%9C%D7%94&language=he" in hrefs
    haifa_key = str(corpus.haifa.translation_key)
    assert any(f"community={haifa_key}" in href for href in hrefs)


def test_english_page_is_left_to_right(client, corpus):
    response = client.get("/en/search/", {"q": "community"})
    assert response.status_code == 200
    body = html(response)
    assert '<html lang="en" dir="ltr"' in body
    assert "Trainings for <mark>community</mark> centers" in body
    # English stems: "community" finds "communities".
    assert "<mark>communities</mark>" in body
    assert 'lang="en" dir="ltr"' in body.split('<ol class="search-hits">')[1]


def test_following_a_facet_narrows_and_the_link_then_removes_it(client, corpus):
    response = client.get("/search/", {"q": "קהילה"})
    before = hit_count(response)
    news = next(
        link
        for links in facet_links(response).values()
        for link in links
        if link["href"].endswith("type=news")
    )
    narrowed = client.get("/search/" + news["href"])
    assert narrowed.status_code == 200
    assert 0 < hit_count(narrowed) < before
    assert hit_count(narrowed) == 2
    selected = [
        link
        for links in facet_links(narrowed).values()
        for link in links
        if link["selected"]
    ]
    assert len(selected) == 1
    assert "type=news" not in selected[0]["href"]  # toggles the filter off
    assert 'class="is-selected"' in html(narrowed)


def test_no_results_help_and_the_help_without_a_query(client, corpus):
    response = client.get("/en/search/", {"q": "זברהכחולה"})
    assert response.status_code == 200
    body = html(response)
    assert "Nothing matched “זברהכחולה”." in body
    assert "Try fewer or more general words" in body
    assert hit_count(response) == 0

    filtered = client.get("/en/search/", {"q": "זברהכחולה", "type": "news"})
    assert "Search again without the filters" in html(filtered)

    empty = client.get("/en/search/")
    assert empty.status_code == 200
    assert "Search programs, trainings, awards" in html(empty)
    assert "Nothing matched" not in html(empty)
    assert 'class="search-hits"' not in html(empty)


def test_sort_by_date_and_pagination(client, corpus):
    relevance = client.get(API, {"q": "קהילה"}).json()
    newest = client.get(API, {"q": "קהילה", "sort": "date"}).json()
    assert relevance["results"][0]["title"] == "קהילה חדשה באילת"  # exact title
    dated = [r["title"] for r in newest["results"] if r["date"]]
    assert dated == ["פעילות בקהילה", "קהילה חדשה באילת"]  # newest first
    assert newest["results"][-1]["date"] is None  # undated last

    page = client.get("/search/", {"q": "קהילה", "sort": "date"})
    body = html(page)
    assert body.index("פעילות <mark>בקהילה</mark>") < body.index(
        "<mark>קהילה</mark> חדשה באילת"
    )
    assert "<strong>newest</strong>" in html(
        client.get("/en/search/", {"q": "קהילה", "sort": "date"})
    )

    first = client.get("/search/", {"q": "קהילה", "per_page": "1"})
    assert hit_count(first) == 1
    next_href = re.search(r'<a rel="next" href="([^"]+)"', html(first))
    assert next_href and 'rel="prev"' not in html(first)
    pairs = dict(parse_qsl(unescape(next_href[1]).lstrip("?")))
    assert pairs == {"q": "קהילה", "per_page": "1", "page": "2"}
    second = client.get("/search/" + unescape(next_href[1]))
    assert hit_count(second) == 1
    assert 'rel="prev"' in html(second) and 'rel="next"' in html(second)
    last = client.get("/search/", {"q": "קהילה", "per_page": "1", "page": "4"})
    assert 'rel="prev"' in html(last) and 'rel="next"' not in html(last)


# --- escaping -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "q, raw, escaped",
    [
        (
            "<script>alert(1)</script>",
            "<script>alert(1)",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        (
            "'\"><img src=x onerror=alert(1)>",
            "<img src=x",
            "&#x27;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
        ),
    ],
)
def test_the_query_comes_back_escaped(client, corpus, q, raw, escaped):
    for url in ("/search/", "/en/search/"):
        response = client.get(url, {"q": q})
        assert response.status_code == 200
        assert raw not in html(response)
        assert escaped in html(response)
    data = client.get(API, {"q": q}).json()
    assert data["query"] == q  # JSON carries text, not HTML


def test_markup_in_content_is_escaped_in_snippets(client, corpus):
    publish(
        news_index(corpus.haifa),
        NewsPage(
            title="ערב פתוח",
            slug="xss",
            date=datetime.date(2026, 6, 1),
            intro="<script>alert(1)</script> קהילה",
        ),
    )
    index_now()
    body = html(client.get("/search/", {"q": "ערב קהילה"}))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>קהילה</mark>" in body
    assert "<script>alert(1)" not in body
    data = client.get(API, {"q": "ערב קהילה"}).json()
    assert all("<script" not in r["snippet"] for r in data["results"])
    hit = next(r for r in data["results"] if r["url"].endswith("/xss/"))
    assert hit["snippet"] == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>קהילה</mark>"
    assert "<script>" not in hit["snippet"]
    assert hit["title_html"] == "<mark>ערב</mark> פתוח"


def test_rich_text_is_indexed_as_text_without_its_tags(client, corpus):
    publish(
        corpus.haifa,
        StandardPage(
            title="מדריך",
            slug="guide",
            body=[
                (
                    "rich_text",
                    RichText("<p>תכנות <b>אתרים</b></p><p>&lt;div&gt; בקהילה</p>"),
                )
            ],
        ),
    )
    index_now()
    [hit] = client.get(API, {"q": "תכנות"}).json()["results"]
    assert hit["snippet"] == "<mark>תכנות</mark> אתרים &lt;div&gt; בקהילה"
    assert client.get(API, {"q": "b"}).json()["total"] == 0  # no tag names


# --- bad input ------------------------------------------------------------------------
BAD_INPUT = [
    ({"page": "0"}, "page", "Give a whole number from 1 to 1000."),
    ({"per_page": "500"}, "per_page", "Give a whole number from 1 to 50."),
    ({"date_from": "notadate"}, "date_from", "Use a date like 2026-09-01."),
    (
        {"date_from": "2026-06-01", "date_to": "2026-05-01"},
        "date_to",
        "The end date is before the start date.",
    ),
    ({"sort": "bogus"}, "sort", "Sort by relevance or date."),
    ({"theme_year": "abc"}, "theme_year", "A theme year is a four-digit year."),
    ({"q": "א" * 201}, "q", "The search is too long (at most 200 characters)."),
]


@pytest.mark.parametrize("params, field, message", BAD_INPUT)
def test_bad_input_is_a_400_that_says_what_is_wrong(
    client, corpus, params, field, message
):
    query = {"q": "קהילה", **params}
    page = client.get("/en/search/", query)
    assert page.status_code == 400
    body = html(page)
    assert 'class="form-errors" role="alert"' in body
    assert f'<li id="search-{field}-error">{message}</li>' in body
    assert 'class="search-hits"' not in body
    if field == "q":
        assert 'aria-invalid="true"' in body

    hebrew = client.get("/search/", query)
    assert hebrew.status_code == 400
    shown = re.search(rf'<li id="search-{field}-error">([^<]+)</li>', html(hebrew))
    assert shown and shown[1] != message  # in Hebrew

    # The API speaks the default language (Hebrew) and names the field.
    api = client.get(API, query)
    assert api.status_code == 400
    assert api.json()["detail"] == f"{field}: {unescape(shown[1])}"


def test_autocomplete_rejects_bad_input(client, corpus):
    assert client.get(AUTOCOMPLETE, {"q": "א" * 201}).status_code == 400
    response = client.get(AUTOCOMPLETE, {"q": "קה", "limit": "0"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("limit:")
    assert client.get(AUTOCOMPLETE, {"q": "קה", "limit": "x"}).status_code in (
        400,
        422,
    )
    assert client.get(SUGGEST, {"q": "א" * 5000}).status_code == 200


# --- the API --------------------------------------------------------------------------
def test_api_shape(client, corpus):
    response = client.get(API, {"q": "קהילה", "per_page": "3"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {
        "query",
        "total",
        "page",
        "pages",
        "per_page",
        "results",
        "facets",
    }
    assert (data["query"], data["total"], data["page"], data["per_page"]) == (
        "קהילה",
        4,
        1,
        3,
    )
    assert data["pages"] == 2
    assert len(data["results"]) == 3
    for result in data["results"]:
        assert set(result) == {
            "title",
            "url",
            "type",
            "type_label",
            "community",
            "community_name",
            "language",
            "date",
            "theme_year",
            "snippet",
            "title_html",
        }
    exact = data["results"][0]
    assert exact["type"] == "news"
    assert exact["type_label"] == "חדשות"  # the API speaks Hebrew by default
    assert exact["community"] == str(corpus.eilat.translation_key)
    assert exact["community_name"] == "קהילת אילת"
    assert exact["language"] == "he"
    assert exact["url"] == corpus.news["exact"].url
    assert exact["title_html"] == "<mark>קהילה</mark> חדשה באילת"
    assert datetime.datetime.fromisoformat(exact["date"])
    assert set(data["facets"]) >= {"type", "community", "language", "year"}
    assert {v["value"]: v["count"] for v in data["facets"]["type"]} == {
        "news": 2,
        "community": 2,
    }
    for values in data["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count", "selected"}

    second = client.get(API, {"q": "קהילה", "per_page": "3", "page": "2"}).json()
    assert len(second["results"]) == 1
    english = client.get("/api/v3/search/", {"q": "community", "language": "en"})
    assert {r["language"] for r in english.json()["results"]} == {"en"}


# Which restricted pages each reader finds (the draft: nobody).
VISIBILITY = {
    "anonymous": set(),
    "member": {LOGIN_TITLE},
    "board": {LOGIN_TITLE, GROUP_TITLE},
    "staff": {LOGIN_TITLE, GROUP_TITLE},
}


def _as(client, corpus, who):
    if corpus.users[who] is not None:
        client.force_login(corpus.users[who])


@pytest.mark.parametrize("who", list(VISIBILITY))
def test_results_totals_and_facets_only_show_what_the_reader_may_read(
    client, corpus, who
):
    _as(client, corpus, who)
    expected = VISIBILITY[who]
    titles, data = api_titles(client, "קהילה")
    restricted = {LOGIN_TITLE, GROUP_TITLE, DRAFT_TITLE}
    assert titles & restricted == expected
    assert data["total"] == 4 + len(expected)
    types = {v["value"]: v["count"] for v in data["facets"]["type"]}
    assert types.get("page", 0) == len(expected)
    assert sum(types.values()) == data["total"]
    haifa = str(corpus.haifa.translation_key)
    communities = {v["value"]: v["count"] for v in data["facets"]["community"]}
    assert communities[haifa] == 2 + len(expected)

    page = html(client.get("/search/", {"q": "קהילה"}))
    for title in restricted:
        assert (title.replace("הקהילה", "<mark>הקהילה</mark>") in page) == (
            title in expected
        )
    # Searching for the restricted words alone finds nothing more.
    assert api_titles(client, "פרוטוקול")[1]["total"] == int(LOGIN_TITLE in expected)
    assert api_titles(client, "טיוטה")[1]["total"] == 0


@pytest.mark.parametrize("who", list(VISIBILITY))
def test_autocomplete_and_suggest_only_offer_what_the_reader_may_read(
    client, corpus, who
):
    _as(client, corpus, who)
    expected = VISIBILITY[who]
    for prefix, title in (("פרו", LOGIN_TITLE), ("תקצ", GROUP_TITLE)):
        response = client.get(AUTOCOMPLETE, {"q": prefix})
        assert response.status_code == 200
        offered = {s["title"] for s in response.json()}
        assert offered == ({title} & expected)
        suggest = client.get(SUGGEST, {"q": prefix})
        assert suggest.status_code == 200
        assert {s["title"] for s in suggest.json()["suggestions"]} == offered
    assert client.get(AUTOCOMPLETE, {"q": "טיו"}).json() == []
    assert client.get(SUGGEST, {"q": "טיו"}).json() == {"suggestions": []}
    public = client.get(AUTOCOMPLETE, {"q": "פעי"}).json()
    assert [s["title"] for s in public] == ["פעילות בקהילה"]
    assert set(public[0]) == {"title", "url", "type"}


def test_openapi_lists_the_search_operations(client, db):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "get" in paths["/api/v3/search/"]
    assert "get" in paths["/api/v3/search/autocomplete/"]
    parameters = {
        p["name"] for p in paths["/api/v3/search/autocomplete/"]["get"]["parameters"]
    }
    assert {"q", "limit"} <= parameters


# --- engine down ----------------------------------------------------------------------
class BrokenEngine:
    name = "broken"

    def search(self, request):
        raise EngineError("connection refused")

    def autocomplete(self, request):
        raise EngineError("connection refused")


def test_engine_down_is_a_503_never_a_500(client, corpus, monkeypatch):
    monkeypatch.setattr("search.service.get_engine", lambda: BrokenEngine())
    page = client.get("/en/search/", {"q": "קהילה"})
    assert page.status_code == 503
    assert "Search is unavailable right now." in html(page)
    assert client.get("/search/", {"q": "קהילה"}).status_code == 503
    api = client.get(API, {"q": "קהילה"})
    assert api.status_code == 503
    assert api.json()["detail"] == "Search is unavailable right now."
    auto = client.get(AUTOCOMPLETE, {"q": "קה"})
    assert auto.status_code == 503 and "detail" in auto.json()
    suggest = client.get(SUGGEST, {"q": "קה"})
    assert suggest.status_code == 503 and "error" in suggest.json()
    assert not QueryStat.objects.exists()  # a failed search is not logged
    # An empty query never reaches the engine.
    assert client.get("/en/search/").status_code == 200


# --- query counts ---------------------------------------------------------------------
def _add_news(index, count: int, start: int) -> None:
    for number in range(start, start + count):
        publish(
            index,
            NewsPage(
                title=f"פסטיבל האביב {number}",
                slug=f"festival-{number}",
                date=datetime.date(2026, 3, 1) + datetime.timedelta(days=number),
                intro=f"פסטיבל בקהילה, מספר {number}.",
            ),
        )
    index_now()


def _queries(client, url: str, params: dict, total: int) -> int:
    client.get(url, params)  # today's QueryStat row exists from here on
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    if url == API:
        assert response.json()["total"] == total
    else:
        assert hit_count(response) == total
    return len(captured)


# Measured on SQLite and PostgreSQL: the page 10 queries (6 for the search — count,
# ranked ids, entries, one grouped pass for all facets, community names — plus the
# query log's, and 4 for the site's chrome), the API 6. A regression shows above
# the ceilings.
PAGE_CEILING = 10 + 1
API_CEILING = 6 + 1


def test_query_counts_do_not_grow_with_the_results(client, corpus):
    n = 5
    haifa, eilat = news_index(corpus.haifa), news_index(corpus.eilat)
    _add_news(haifa, n - 2, 0)
    _add_news(eilat, 2, 100)
    params = {"q": "פסטיבל"}
    small = (_queries(client, "/search/", params, n), _queries(client, API, params, n))
    _add_news(haifa, n, 200)
    large = (
        _queries(client, "/search/", params, 2 * n),
        _queries(client, API, params, 2 * n),
    )
    print(f"\nqueries at N={n}: page {small[0]}, API {small[1]}")
    print(f"queries at 2N={2 * n}: page {large[0]}, API {large[1]}")
    assert small == large
    assert large[0] <= PAGE_CEILING
    assert large[1] <= API_CEILING


# --- the query log and its report -----------------------------------------------------
def test_query_log_counts_searches_and_misses_anonymously(client, corpus):
    assert {f.name for f in QueryStat._meta.get_fields()} == {
        "id",
        "day",
        "query",
        "searches",
        "zero_results",
    }
    client.get("/search/", {"q": "קהילה"})
    client.force_login(corpus.users["member"])
    client.get("/search/", {"q": "  קהילה "})
    client.get(API, {"q": "קהילה"})
    client.get("/search/", {"q": "זברהכחולה"})
    client.get("/en/search/", {"q": "Community"})
    # Not counted: later pages, filtered searches, empty queries, autocomplete.
    client.get("/search/", {"q": "קהילה", "page": "2", "per_page": "2"})
    client.get("/search/", {"q": "קהילה", "type": "news"})
    client.get("/search/", {"q": "קהילה", "date_from": "2026-01-01"})
    client.get("/search/")
    client.get(AUTOCOMPLETE, {"q": "קהילה"})
    client.get(SUGGEST, {"q": "קהילה"})
    client.get("/search/", {"q": "x", "page": "0"})  # invalid

    rows = {
        row.query: (row.searches, row.zero_results) for row in QueryStat.objects.all()
    }
    assert rows == {"קהילה": (3, 0), "זברהכחולה": (1, 1), "community": (1, 0)}
    assert set(QueryStat.objects.values_list("day", flat=True)) == {
        timezone.localdate()
    }


def test_admin_report_lists_top_and_zero_result_queries(client, corpus):
    url = reverse("kehilot_search_queries")
    assert url == "/admin/reports/search-queries/"
    client.get("/search/", {"q": "קהילה"})
    client.get("/search/", {"q": "קהילה"})
    client.get("/search/", {"q": "זברהכחולה"})

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]

    client.force_login(corpus.users["member"])  # no admin access
    assert client.get(url).status_code in (302, 403)

    admin = User.objects.create_superuser("reporter", "r@example.org", "pw")
    client.force_login(admin)
    response = client.get(url)
    assert response.status_code == 200
    body = html(response)
    top = body.split('id="top-queries"')[1].split("</table>")[0]
    zero = body.split('id="zero-queries"')[1].split("</table>")[0]
    assert "קהילה" in top and "זברהכחולה" in top
    assert "זברהכחולה" in zero and "קהילה" not in zero
    for days in ("7", "90", "bogus"):
        assert client.get(url, {"days": days}).status_code == 200

    from search.admin_views import query_report

    report = query_report(30)
    assert [(r["query"], r["searches"]) for r in report["top"]] == [
        ("קהילה", 2),
        ("זברהכחולה", 1),
    ]
    assert [r["query"] for r in report["zero"]] == ["זברהכחולה"]
    assert (report["total_searches"], report["total_zero"]) == (3, 1)

    # Reports menu: the item is in the admin's sidebar.
    dashboard = html(client.get("/admin/"))
    assert "/admin/reports/search-queries/" in dashboard.replace("\\/", "/")


def test_bulk_imports_use_search_suspended_then_rebuild(client, corpus):
    import io

    from django.core.management import call_command

    import search
    from search.models import OutboxItem

    with search.suspended():
        _add_news(news_index(corpus.haifa), 2, 300)
    assert not OutboxItem.objects.exists()
    assert client.get(API, {"q": "פסטיבל"}).json()["total"] == 0
    call_command("search_index", "rebuild", stdout=io.StringIO())
    assert client.get(API, {"q": "פסטיבל"}).json()["total"] == 2
