"""URLs of the JSON API, mounted under /api/."""

from django.urls import path

from newsdesk.api import views

urlpatterns = [
    path("stories", views.stories, name="api-stories"),
    path("stories/<int:pk>", views.story, name="api-story"),
    path("articles", views.articles, name="api-articles"),
    path("articles/<int:pk>", views.article, name="api-article"),
    path("speakers", views.speakers, name="api-speakers"),
    path("speakers/<slug:slug>", views.speaker, name="api-speaker"),
    path("sources", views.sources, name="api-sources"),
    path("authors", views.authors, name="api-authors"),
    path("tags", views.tags, name="api-tags"),
]
