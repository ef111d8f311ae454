from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_menu_item")
def dummy_menu_item():
    return MenuItem(
        "Dummy notes",
        reverse("wagtailsnippets_testdummy_dummynote:list"),
        icon_name="doc-full",
        order=900,
    )
