"""Values every public template needs: direction, navigation, language switch."""

from django.utils.translation import get_language

from cms.models.base import direction_for


def site_chrome(request):
    language = get_language() or "he"
    return {"text_direction": direction_for(language), "page_language": language}
