"""Post text to safe HTML: markdown, then an allowlist sanitiser (nh3).

``render_post`` is the one renderer of forum text. Machina calls it on save
(``MACHINA_MARKUP_LANGUAGE``: posts, signatures, forum descriptions) and stores the
result, which the site's templates show; the forum API, notification emails and
search snippets must call it too, never markdown directly.

Markdown is parsed with raw HTML switched off (so ``<script>`` is text), then the
HTML is cleaned by nh3 whatever the parser produced, because markdown renderers'
"safe modes" have a long record of bypasses (machina's markdown2 included):

- tags and attributes: an allowlist (no ``style``, no event handlers, no SVG,
  iframes, forms or media);
- URLs: ``http``, ``https`` and ``mailto`` only (and relative links); no
  ``javascript:``, ``data:`` or ``vbscript:`` in any case or encoding;
- every link gets ``rel="nofollow ugc noopener"``; blocks get ``dir="auto"``;
- bidirectional override and isolate characters (U+202A–U+202E, U+2066–U+2069),
  which can make text read differently than it is, are removed.
"""

import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "b", "i", "s", "del", "code", "pre",
        "blockquote", "ul", "ol", "li", "a", "img", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
}
DIR_AUTO_TAGS = ("p", "li", "blockquote", "h3", "h4", "h5", "h6", "td", "th")
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
# Tags whose content goes too (anything else not allowed keeps its text).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "svg", "math", "template"})
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)
# Entities that would decode to a bidi control in the browser.
_BIDI_ENTITY = re.compile(
    r"&#(?:x0*(?:202[a-e]|206[6-9])|0*(?:823[4-8]|827[0-3]));", re.I
)
MAX_HEADING = 3  # a post's "# title" becomes <h3>: the page keeps its outline

_SCHEME_LIKE = re.compile(r"^([^/?#]*):")


def _url_filter(tag: str, attribute: str, value: str) -> str | None:
    """Belt and braces over nh3's scheme check: anything that looks like a scheme
    (even one a browser would not honour, like ``%6Aavascript:``) must be allowed."""
    if attribute not in ("href", "src"):
        return value
    match = _SCHEME_LIKE.match(value.strip())
    if match and match.group(1).lower() not in URL_SCHEMES:
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=LINK_REL,
    strip_comments=True,
    attribute_filter=_url_filter,
    # Each block takes its direction from its own first strong character, so an
    # English paragraph reads right in a Hebrew page (and in emails) and vice versa.
    set_tag_attribute_values={tag: {"dir": "auto"} for tag in DIR_AUTO_TAGS},
)
_markdown = (
    MarkdownIt("commonmark", {"html": False, "breaks": True, "typographer": False})
    .enable("table")
    .enable("strikethrough")
)


def _shift_headings(tokens) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1]) + MAX_HEADING - 1
            token.tag = f"h{min(level, 6)}"


def strip_bidi_controls(text: str) -> str:
    return _BIDI_ENTITY.sub("", text.translate(BIDI_CONTROLS))


def sanitize_html(html: str) -> SafeString:
    """Clean HTML from anywhere (stored renderings, imports) with the same policy."""
    return mark_safe(strip_bidi_controls(_cleaner.clean(strip_bidi_controls(html))))


def render_post(text: str | None) -> SafeString:
    """Markdown ``text`` to sanitised HTML, safe to show on any page or email."""
    if not text:
        return mark_safe("")
    tokens = _markdown.parse(strip_bidi_controls(str(text)))
    _shift_headings(tokens)
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return sanitize_html(html)
