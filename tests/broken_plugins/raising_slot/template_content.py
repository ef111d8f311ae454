from plugins.api import TemplateSlot


def explode(context, page=None, **kwargs):
    raise ZeroDivisionError("slot bug")


template_slots = [TemplateSlot("community_sidebar", render=explode)]
