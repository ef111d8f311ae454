from plugins.api import TemplateSlot

template_slots = [
    TemplateSlot("site_banner", render=lambda context, **kw: "never shown")
]
