"""sitemap.xml over every language tree: live, public, indexable pages only."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the active language's tree; we list every locale's."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        queryset = Page.objects.none()
        for root in roots:
            queryset |= Page.objects.descendant_of(root, inclusive=True)
        return queryset.live().public().order_by("path").defer_streamfields().specific()


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})
