"""RSS 2.0 and Atom 1.0 feeds of a news index (live, public news only)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class NewsFeed(Feed):
    """Built per request for one ``NewsIndexPage``; its language is the index's."""

    def __init__(self, index_page, kind: str):
        super().__init__()
        self.index_page = index_page
        self.feed_type = FEED_TYPES[kind]
        # Django reads ``language`` as a plain attribute, not a method.
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        from cms.models.news import FEED_SIZE

        return self.index_page.news()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), datetime.UTC)
