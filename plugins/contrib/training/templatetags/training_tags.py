"""Template filters for the training pages."""

from django import template

register = template.Library()


@register.filter
def title_in(course, language: str) -> str:
    """``{{ course|title_in:language }}``: the course title in that language."""
    return course.title_for(language)


@register.filter
def description_in(course, language: str) -> str:
    return course.description_for(language)


@register.filter
def localized_in(community, communities: dict):
    """The community in the reader's language (from ``localized_communities``)."""
    if community is None:
        return None
    return (communities or {}).get(community.translation_key, community)


@register.filter
def role_names(codes) -> str:
    """``{{ course.target_roles|role_names }}``: translated role names."""
    from plugins.api import membership_role_choices

    labels = dict(membership_role_choices())
    return ", ".join(str(labels.get(code, code)) for code in codes or [])
