"""URLs of the public site."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from newsdesk.site import feeds, views
from newsdesk.site.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.front, name="front"),
    path("articles/<int:pk>/<slug:slug>/", views.article, name="article"),
    path("articles/<int:pk>/", views.article, {"slug": ""}, name="article-short"),
    path("articles/<int:pk>/react", views.react, name="react"),
    path("articles/<int:pk>/comment", views.comment, name="comment"),
    path("stories/<int:pk>/<slug:slug>/", views.story, name="story"),
    path("stories/<int:pk>/", views.story, {"slug": ""}, name="story-short"),
    path("stories/<int:pk>/rss.xml", feeds.of_story(), name="story-rss"),
    path("stories/<int:pk>/atom.xml", feeds.of_story(feeds.ATOM), name="story-atom"),
    path("search/", views.search, name="search"),
    path("media/<path:name>", views.picture, name="picture"),
    path("speakers/<slug:slug>/", views.speaker, name="speaker"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("sources/<slug:slug>/", views.source, name="source"),
    path("sources/<slug:slug>/rss.xml", feeds.of_source(), name="source-rss"),
    path("sources/<slug:slug>/atom.xml", feeds.of_source(feeds.ATOM), name="source-atom"),
    # Tags keep their own script ("выборы"), which <slug:> would not match.
    path("tags/<str:slug>/", views.tag, name="tag"),
    path("tags/<str:slug>/rss.xml", feeds.of_tag(), name="tag-rss"),
    path("tags/<str:slug>/atom.xml", feeds.of_tag(feeds.ATOM), name="tag-atom"),
    path("rss.xml", feeds.LatestArticles(), name="rss"),
    path("atom.xml", feeds.LatestArticles(feeds.ATOM), name="atom"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots, name="robots"),
]
