"""The editors' desk in Django's admin: outlets, feeds, stories, articles, comments, failures."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.sanitize import clean_html, paragraphs_of
from newsdesk.news import stories
from newsdesk.news.models import (
    Appearance,
    Article,
    Author,
    Comment,
    Feed,
    PageError,
    Reaction,
    Source,
    Story,
    Tag,
)
from newsdesk.news.store import record_attributions
from newsdesk.pipeline import understand

admin.site.site_header = "newsdesk editors"
admin.site.site_title = "newsdesk"


class FeedInline(admin.TabularInline):
    model = Feed
    fields = [
        "url",
        "active",
        "last_fetched_at",
        "last_status",
        "last_items",
        "error_count",
        "last_error",
    ]
    readonly_fields = ["last_fetched_at", "last_status", "last_items", "error_count", "last_error"]
    extra = 0


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "homepage"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FeedInline]


class FailingFilter(admin.SimpleListFilter):
    title = "health"
    parameter_name = "health"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("failing", "Failing"), ("ok", "Working")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Feed]) -> QuerySet[Feed]:
        if self.value() == "failing":
            return queryset.filter(error_count__gt=0)
        if self.value() == "ok":
            return queryset.filter(error_count=0)
        return queryset


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "url",
        "source",
        "active",
        "last_fetched_at",
        "last_status",
        "last_items",
        "error_count",
        "last_error",
    ]
    list_filter = [FailingFilter, "active", "source"]
    list_select_related = ["source"]
    search_fields = ["url", "title"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_fetched_at",
        "last_status",
        "last_items",
        "last_error",
        "error_count",
    ]


@admin.action(description="Publish the selected articles")
def publish(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Article]
) -> None:
    count = queryset.update(status=Article.Status.PUBLISHED)
    modeladmin.message_user(request, f"{count} articles published.", messages.SUCCESS)


@admin.action(description="Unpublish the selected articles")
def unpublish(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Article]
) -> None:
    count = queryset.update(status=Article.Status.UNPUBLISHED)
    modeladmin.message_user(request, f"{count} articles unpublished.", messages.SUCCESS)


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for reference: the pipeline writes them, editors only follow the links."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return list(self.fields or [])

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class AppearanceInline(ReadOnlyInline):
    """Every page the article was read from, the original and any copies."""

    model = Appearance
    fields = ["source", "url", "published_at", "first_seen_at"]


@admin.action(description="Split the selected articles into a story of their own")
def split_story(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Article]
) -> None:
    story = stories.split(list(queryset.select_related("story")))
    modeladmin.message_user(
        request, f"{story.article_count} articles now form “{story}”.", messages.SUCCESS
    )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "source",
        "story",
        "author",
        "status",
        "published_at",
        "confidence",
        "views",
    ]
    list_filter = ["status", "source"]
    search_fields = ["title", "teaser", "body_text", "canonical_url"]
    date_hierarchy = "published_at"
    actions = [publish, unpublish, split_story]
    list_select_related = ["source", "author", "story"]
    raw_id_fields = ["author", "feed", "story"]
    autocomplete_fields = ["tags"]
    inlines = [AppearanceInline]
    readonly_fields = [
        "url",
        "canonical_url",
        "content_hash",
        "fetched_at",
        "updated_at",
        "views",
        "confidence",
        "extracted",
        "preview",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "teaser",
                    "status",
                    "source",
                    "author",
                    "published_at",
                    "story",
                    "tags",
                ]
            },
        ),
        ("Body", {"fields": ["preview", "body_html", "body_text", "image_url", "language"]}),
        (
            "Where it came from",
            {
                "fields": [
                    "url",
                    "canonical_url",
                    "feed",
                    "content_hash",
                    "fetched_at",
                    "updated_at",
                    "confidence",
                    "views",
                ]
            },
        ),
        ("Extractor output", {"classes": ["collapse"], "fields": ["extracted"]}),
    ]

    class Media:
        css = {"all": ["news/preview.css"]}

    @admin.display(description="As readers will see it")
    def preview(self, obj: Article) -> SafeString:
        # Stored bodies are sanitised, an editor's edits included (save_model).
        return mark_safe(f'<div class="body-preview">{obj.body_html}</div>')

    def save_model(self, request: HttpRequest, obj: Article, form: object, change: bool) -> None:
        # An editor's HTML is kept on the same terms as an extracted body.
        obj.body_html = clean_html(obj.body_html)
        fields = ("story", "body_html", "body_text", "image_url")
        was = Article.objects.filter(pk=obj.pk).values(*fields).first()
        if was and obj.image_url != was["image_url"]:
            obj.image_file = ""  # the copy is of the picture the editor replaced
        if was and obj.body_html != was["body_html"] and obj.body_text == was["body_text"]:
            # Search and who-said-what read the text, so it follows the edited HTML.
            obj.body_text = "\n\n".join(paragraphs_of(obj.body_html))
        edited = was is not None and obj.body_text != was["body_text"]
        if edited:
            body = analysed_anew(obj)
        super().save_model(request, obj, form, change)
        if edited:
            record_attributions(obj, body)
        if was and was["story"] != obj.story_id:
            # Moved by hand: grouping must keep it there from now on.
            stories.move(obj, obj.story, Story.objects.filter(pk=was["story"]).first())


ANALYSIS = ("attributions", "cited_outlets", "entities", "figures")


def analysed_anew(article: Article) -> ExtractedArticle:
    """An edited body's text analysed again, and the extractor's record brought in line."""
    paragraphs = [p for p in article.body_text.split("\n\n") if p.strip()]
    body = ExtractedArticle(title=article.title, body=paragraphs)
    understand([body])
    found = {key: getattr(body, key) for key in ANALYSIS}
    article.extracted |= found | {"body": paragraphs, "body_html": article.body_html}
    return body


class StoryArticleInline(ReadOnlyInline):
    model = Article
    fields = ["title", "source", "published_at", "status"]
    show_change_link = True
    ordering = ["published_at"]


@admin.action(description="Merge the selected stories into one")
def merge_stories(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Story]
) -> None:
    if queryset.count() < 2:
        modeladmin.message_user(request, "Select at least two stories to merge.", messages.ERROR)
        return
    kept = stories.merge(list(queryset))
    modeladmin.message_user(
        request, f"Merged into “{kept}” ({kept.article_count} articles).", messages.SUCCESS
    )


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["headline", "article_count", "outlet_count", "first_seen_at", "last_updated_at"]
    search_fields = ["headline"]
    date_hierarchy = "last_updated_at"
    actions = [merge_stories]
    inlines = [StoryArticleInline]
    fields = ["headline", "first_seen_at", "last_updated_at", "article_count", "outlet_count"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "source"]
    search_fields = ["name", "bio"]
    list_filter = ["source"]
    list_select_related = ["source"]
    prepopulated_fields = {"slug": ["name"]}


@admin.action(description="Approve the selected comments")
def approve(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Comment]
) -> None:
    count = queryset.update(approved=True)
    modeladmin.message_user(request, f"{count} comments approved.", messages.SUCCESS)


@admin.action(description="Withdraw approval of the selected comments")
def unapprove(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Comment]
) -> None:
    count = queryset.update(approved=False)
    modeladmin.message_user(request, f"{count} comments withdrawn.", messages.SUCCESS)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "created_at", "approved", "text"]
    list_filter = ["approved"]
    search_fields = ["name", "text"]
    actions = [approve, unapprove]
    list_select_related = ["article"]
    raw_id_fields = ["article"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PageError)
class PageErrorAdmin(ReadOnlyAdmin):
    list_display = ["url", "stage", "error", "attempts", "last_attempt_at", "feed"]
    list_filter = ["stage", "feed"]
    list_select_related = ["feed"]
    search_fields = ["url", "error"]


@admin.register(Reaction)
class ReactionAdmin(ReadOnlyAdmin):
    list_display = ["article", "kind", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["article"]
