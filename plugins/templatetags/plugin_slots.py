from django import template

from plugins.slots import render_slot

register = template.Library()


@register.simple_tag(takes_context=True)
def plugin_slot(context, name: str, **kwargs):
    """``{% plugin_slot "community_sidebar" page=page %}``: what plugins put there."""
    return render_slot(name, context, **kwargs)
