from django.utils.html import format_html

from plugins.api import TemplateSlot, plugin_settings


def banner(context, page=None, **kwargs):
    return format_html(
        '<p class="dummy-banner">{}</p>', plugin_settings("testdummy")["greeting"]
    )


template_slots = [
    TemplateSlot("site_banner", render=banner),
    TemplateSlot(
        "community_sidebar", template="testdummy_plugin/sidebar.html", order=10
    ),
    TemplateSlot(
        "community_after_body",
        render=lambda context, page=None, **kw: format_html(
            '<p class="dummy-after">after {}</p>', page.title
        ),
    ),
]
