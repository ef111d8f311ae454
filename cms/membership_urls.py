from django.urls import path

from cms.views import membership

urlpatterns = [
    path("<int:page_id>/join/", membership.join, name="community_join"),
    path("<int:page_id>/requests/", membership.requests, name="community_requests"),
    path(
        "requests/<int:pk>/decide/", membership.decide_request, name="membership_decide"
    ),
    path("mine/", membership.my_memberships, name="my_memberships"),
]
