"""Top-level URL map: the editors' admin, the JSON API and the public site."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("newsdesk.api.urls")),
    path("", include("newsdesk.site.urls")),
]
