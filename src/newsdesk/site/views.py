"""Public pages: front page, stories, articles, authors, sources, topics, search; reactions and
comments; robots.txt."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from newsdesk.news import pictures
from newsdesk.news.models import Appearance, Article, Attribution, Author, Source, Story, Tag
from newsdesk.news.search import matching, snippets
from newsdesk.site import listings, reactions, schema
from newsdesk.site.forms import CommentForm

VISITOR_COOKIE = "newsdesk_visitor"
VISITOR_MAX_AGE = 2 * 365 * 24 * 3600
MORE_FROM_SOURCE = 4


def paginate(request: HttpRequest, queryset: QuerySet) -> Page:
    return Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the site, not the editors' desk, and are told where the sitemap is."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_GET
def front(request: HttpRequest) -> HttpResponse:
    return render(request, "site/front.html", {"page": paginate(request, listings.front_page())})


def visible(request: HttpRequest, pk: int) -> Article:
    """An article a visitor may see: published, or anything for staff."""
    queryset = Article.objects.select_related("source", "author__source", "story")
    if not request.user.is_staff:
        queryset = queryset.filter(status=Article.Status.PUBLISHED)
    return get_object_or_404(queryset, pk=pk)


def visitor_id(request: HttpRequest) -> str | None:
    return request.get_signed_cookie(VISITOR_COOKIE, default=None, salt="visitor")


def render_article(
    request: HttpRequest, article: Article, form: CommentForm, status: int = 200
) -> HttpResponse:
    counts = reactions.counts(article)
    context = {
        "article": article,
        "comments": article.comments.filter(approved=True),
        "form": form,
        "reactions": counts,
        "reaction_total": sum(counts.values()),
        "my_reaction": reactions.current(article, visitor_id(request)),
        "also_published": article.appearances.exclude(source=article.source).select_related(
            "source"
        ),
        "also_covered": (
            listings.coverage().filter(story=article.story_id).exclude(pk=article.pk)
            if article.story_id
            else Article.objects.none()
        ),
        "more_from_source": listings.published(
            Article.objects.filter(source=article.source).exclude(pk=article.pk)
        )[:MORE_FROM_SOURCE],
        "attributions": article.attributions.all(),
        "tags": article.tags.all(),
        "cited_outlets": article.extracted.get("cited_outlets") or [],
        "json_ld": schema.news_article(request, article),
    }
    return render(request, "site/article.html", context, status=status)


@require_GET
def article(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    found = visible(request, pk)
    if slug != found.slug:
        return redirect(found, permanent=True)
    # Counted in the database, so simultaneous readers never overwrite each other's view.
    Article.objects.filter(pk=pk).update(views=F("views") + 1)
    found.refresh_from_db(fields=["views"])
    return render_article(request, found, CommentForm())


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def react(request: HttpRequest, pk: int) -> HttpResponse:
    found = visible(request, pk)
    visitor = visitor_id(request) or secrets.token_urlsafe(16)
    try:
        mine = reactions.react(found, visitor, request.POST.get("kind", ""))
    except ValueError as exc:
        if wants_json(request):
            return JsonResponse({"error": str(exc)}, status=400)
        return HttpResponse(str(exc), status=400, content_type="text/plain")
    if wants_json(request):
        response: HttpResponse = JsonResponse({"reactions": reactions.counts(found), "mine": mine})
    else:
        response = redirect(found.get_absolute_url() + "#reactions")
    response.set_signed_cookie(
        VISITOR_COOKIE,
        visitor,
        salt="visitor",
        max_age=VISITOR_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    found = visible(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render_article(request, found, form, status=400)
    # A robot that filled the hidden field is told the same as everyone and its comment dropped.
    if not form.is_spam():
        posted = form.save(commit=False)
        posted.article = found
        posted.approved = not settings.COMMENTS_MODERATED
        posted.save()
    if settings.COMMENTS_MODERATED or form.is_spam():
        messages.info(
            request, "Thank you. Your comment awaits moderation and will appear once approved."
        )
    else:
        messages.success(request, "Thank you. Your comment is published.")
    return redirect(found.get_absolute_url() + "#comments")


def listing(request: HttpRequest, found: Author | Source | Tag, template: str) -> HttpResponse:
    """An author's, outlet's or topic's page: its published articles, newest first."""
    page = paginate(request, listings.published(found.articles.all()))
    return render(request, template, {found._meta.model_name: found, "page": page})


@require_GET
def author(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Author.objects.select_related("source"), slug=slug)
    return listing(request, found, "site/author.html")


@require_GET
def source(request: HttpRequest, slug: str) -> HttpResponse:
    return listing(request, get_object_or_404(Source, slug=slug), "site/source.html")


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    found = paginate(request, matching(query, listings.published())) if query else None
    if found is not None:
        passages = snippets(query, [article.pk for article in found])
        for article in found:
            article.snippet = passages.get(article.pk)
    return render(request, "site/search.html", {"q": query, "page": found})


@require_GET
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    # A topic of held articles only is an editor's to see, as its feed is.
    shown = Tag.objects.filter(articles__status=Article.Status.PUBLISHED).distinct()
    return listing(request, get_object_or_404(shown, slug=slug), "site/tag.html")


@require_GET
def story(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    found = get_object_or_404(Story, pk=pk)
    if slug != found.slug:
        return redirect(found, permanent=True)
    articles = list(
        listings.coverage()
        .filter(story=found)
        .prefetch_related(
            Prefetch("appearances", queryset=Appearance.objects.select_related("source"))
        )
    )
    if not articles:
        raise Http404("No published coverage.")
    outlets = {}
    for item in articles:
        for appearance in item.appearances.all():
            outlets.setdefault(appearance.source.pk, appearance.source)
    context = {
        "story": found,
        "articles": articles,
        "outlets": sorted(outlets.values(), key=str),
        "citations": citations(articles),
    }
    return render(request, "site/story.html", context)


def citations(articles: list[Article]) -> list[tuple[str, list[str], list[str]]]:
    """Per outlet in a story: whom its articles quote or report saying something, and which
    outlets they cite."""
    speakers: dict[str, dict[str, None]] = {}
    cited: dict[str, dict[str, None]] = {}
    rows = Attribution.objects.filter(article__in=articles).select_related("article__source")
    for row in rows:
        outlet = row.article.source.name
        if row.speaker and row.says:
            speakers.setdefault(outlet, {})[row.speaker] = None
        if row.according_to:
            cited.setdefault(outlet, {})[row.according_to] = None
    return [
        (outlet, list(speakers.get(outlet, {})), list(cited.get(outlet, {})))
        for outlet in sorted(speakers.keys() | cited.keys())
    ]


@require_GET
def speaker(request: HttpRequest, slug: str) -> HttpResponse:
    quotes = (
        Attribution.objects.filter(speaker_slug=slug, article__status=Article.Status.PUBLISHED)
        .select_related("article__source", "article__story")
        .order_by("-article__published_at", "article_id", "position")
    )
    page = paginate(request, quotes)
    if not page.object_list:
        raise Http404("Nobody by that name is quoted.")
    first = page.object_list[0]
    roles = sorted({q.speaker_role for q in page.object_list if q.speaker_role})
    context = {"name": first.speaker, "roles": roles, "page": page}
    return render(request, "site/speaker.html", context)


@require_GET
def picture(request: HttpRequest, name: str) -> FileResponse:
    """A copy of an article's picture. Named by its content, it never changes: browsers keep it. An
    SVG is a document that can hold scripts: opened on its own, it runs none."""
    if not pictures.NAME.fullmatch(name) or not default_storage.exists(name):
        raise Http404("no such picture")
    kind = name.rsplit(".", 1)[1]
    response = FileResponse(default_storage.open(name), content_type=pictures.KINDS[kind])
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response
