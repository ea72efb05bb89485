"""URLs of the public site."""

from django.urls import path

from newsdesk.site import views

urlpatterns = [
    path("", views.front, name="front"),
    path("articles/<int:pk>/<slug:slug>/", views.article, name="article"),
    path("articles/<int:pk>/", views.article, {"slug": ""}, name="article-short"),
    path("articles/<int:pk>/react", views.react, name="react"),
    path("articles/<int:pk>/comment", views.comment, name="comment"),
    path("stories/<int:pk>/<slug:slug>/", views.story, name="story"),
    path("stories/<int:pk>/", views.story, {"slug": ""}, name="story-short"),
    path("speakers/<slug:slug>/", views.speaker, name="speaker"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("sources/<slug:slug>/", views.source, name="source"),
]
