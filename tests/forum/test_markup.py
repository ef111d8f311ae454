"""Post rendering: markdown, then nh3. Every vector is checked on the parsed output
(tags, attributes, URLs), on ``render_post`` and on the topic page that shows it."""

import html
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils.safestring import SafeString

from forum.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, DIR_AUTO_TAGS, render_post

from .helpers import make_topic

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<a href="#" onclick="alert(1)">x</a>',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    '<p style="position:fixed;inset:0">cover</p>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;vascript:alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](%6A%61vascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](VBScript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](DATA:text/html,<script>alert(1)</script>)",
    "![img](javascript:alert(1))",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![img](data:image/png;base64,iVBORw0KGgo=)",
    '![img](https://example.org/x.png" onerror="alert(1))',
    '[x](https://example.org "title" onmouseover=alert(1))',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    "<a href=javascript:alert(1)>raw</a>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<<script>script>alert(1)<</script>/script>",
    "[a](<javascript:alert(1)>)",
    "[a][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\u202egnp.exe",
    "safe \u2066isolate\u2069 and \u202aembed\u202c \u202boverride\u202c \u202dx",
    "&#x202E;entity override &#8238;",
    '<a href="https://example.org" target="_blank" rel="opener">x</a>',
    "[ok](https://example.org/?q=<script>)",
]

BIDI = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_safe(output: str) -> None:
    parser = Collector()
    parser.feed(output)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, tag
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | (
            {"rel"} if tag == "a" else set()
        )
        if tag in DIR_AUTO_TAGS:
            assert attrs.pop("dir") == "auto"
        assert set(attrs) <= allowed, (tag, attrs)
        for name in ("href", "src"):
            if name in attrs:
                value = html.unescape(attrs[name] or "").strip().lower()
                value = "".join(
                    ch for ch in value if ch.isprintable() and ch not in " \t"
                )
                assert not value.startswith(BAD_SCHEMES), value
                assert ":" not in value.split("/")[0] or value.split(":")[0] in (
                    "http",
                    "https",
                    "mailto",
                ), value
        if tag == "a":
            assert attrs.get("rel") == "nofollow ugc noopener"
    assert not BIDI & set(html.unescape(output))


@pytest.mark.parametrize("text", VECTORS)
def test_render_post_is_safe(text):
    output = render_post(text)
    assert isinstance(output, SafeString)
    assert_safe(output)
    assert "<script" not in output.lower()


def test_good_markdown_survives():
    output = render_post(
        "# כותרת\n\n**מודגש** _נטוי_ [קישור](https://example.org/a?b=1) "
        "[mail](mailto:a@example.org)\n\n- א\n- ב\n\n> ציטוט\n\n`code`"
    )
    assert '<h3 dir="auto">כותרת</h3>' in output
    assert "<strong>מודגש</strong>" in output
    assert "<em>נטוי</em>" in output
    assert (
        '<a href="https://example.org/a?b=1" rel="nofollow ugc noopener">קישור</a>'
        in output
    )
    assert 'href="mailto:a@example.org"' in output
    assert (
        "<ul>" in output and "<blockquote" in output and "<code>code</code>" in output
    )


def test_empty_and_none():
    assert render_post("") == "" and render_post(None) == ""


@pytest.mark.django_db
def test_topic_page_shows_only_safe_html(client, world):
    """The site path: machina stores our rendering and the topic page shows it."""
    body = "\n\n".join(VECTORS)
    topic = make_topic(world.general, world.users["member"], "בדיקת אבטחה", body)
    url = reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": world.general.slug,
            "forum_pk": world.general.pk,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )
    page = client.get(url).content.decode()
    start = page.index('class="post-content"')
    post_html = page[page.index(">", start) + 1 : page.index("</div>", start)]
    assert_safe(post_html)
    assert "<script" not in page.split("</main>")[0].split('<main id="main"')[1].lower()
    assert topic.first_post.content.rendered == render_post(body)
