"""schema.org NewsArticle data for article pages, escaped for a <script> element."""

from __future__ import annotations

import json

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from newsdesk.news.models import Article

# The characters that could end a <script> element or start markup, as JSON escapes.
SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def news_article(request: HttpRequest, article: Article) -> SafeString:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.teaser,
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "isBasedOn": article.url or None,
        "publisher": {"@type": "Organization", "name": article.source.name},
    }
    if article.author:
        data["author"] = {
            "@type": "Person",
            "name": article.author.name,
            "url": request.build_absolute_uri(article.author.get_absolute_url()),
        }
    if article.image:
        address = request.build_absolute_uri(article.image)
        size = article.image_size
        data["image"] = [
            {"@type": "ImageObject", "url": address, "width": size.width, "height": size.height}
            if size
            else address
        ]
    if keywords := [tag.name for tag in article.tags.all()]:
        data["keywords"] = keywords
    if article.language:
        data["inLanguage"] = article.language
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))
