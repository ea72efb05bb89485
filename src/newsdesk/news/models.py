"""What newsdesk stores: outlets, feeds, stories, articles, who said what, readers' input."""

from __future__ import annotations

from functools import cached_property
from typing import NamedTuple

from django.db import models
from django.urls import reverse
from django.utils import timezone

from newsdesk.extract.article import REACTIONS


class Size(NamedTuple):
    """A picture's width and height in pixels."""

    width: int
    height: int


class Source(models.Model):
    """An outlet articles come from."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    domain = models.CharField(max_length=255, unique=True, help_text="Host name, without www.")
    homepage = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("source", args=[self.slug])


class Feed(models.Model):
    """An RSS, Atom or JSON feed, polled by `newsdesk fetch`."""

    url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_items = models.PositiveIntegerField(default=0, help_text="Entries in the last fetch.")
    last_error = models.TextField(blank=True)
    error_count = models.PositiveIntegerField(default=0, help_text="Failures in a row.")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.title or self.url


class Author(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    bio = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("author", args=[self.slug])


class Tag(models.Model):
    """A topic outlets file articles under, as their pages declare it."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tag", args=[self.slug])


class Story(models.Model):
    """Articles from different outlets about one event, grouped as they arrive."""

    key = models.CharField(max_length=40, unique=True, help_text="The clusterer's id.")
    headline = models.CharField(max_length=500)
    slug = models.SlugField(max_length=220)
    lead = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_seen_at = models.DateTimeField(db_index=True)
    last_updated_at = models.DateTimeField(db_index=True)
    article_count = models.PositiveIntegerField(default=0)
    outlet_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-last_updated_at", "-id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("story", args=[self.pk, self.slug])


class Article(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        REVIEW = "review", "Held for review"
        UNPUBLISHED = "unpublished", "Unpublished"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL)
    author = models.ForeignKey(
        Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    url = models.URLField(
        max_length=1000, blank=True, db_index=True, help_text="Where the page was read from."
    )
    # A saved page with no address gets "urn:sha256:<content hash>" here, hence not a URLField.
    canonical_url = models.CharField(max_length=1000, unique=True)
    # What the canonical URL's http/https, www, mobile and AMP variants share.
    url_key = models.CharField(max_length=1000, blank=True, db_index=True, editable=False)
    content_hash = models.CharField(max_length=64, db_index=True)
    slug = models.SlugField(max_length=220)
    title = models.CharField(max_length=500)
    teaser = models.TextField(blank=True)
    body_html = models.TextField(help_text="Sanitised HTML.")
    body_text = models.TextField()
    image_url = models.URLField(max_length=1000, blank=True)
    image_file = models.CharField(
        max_length=200, blank=True, help_text="newsdesk's copy of the lead picture, if made."
    )
    language = models.CharField(max_length=16, blank=True)
    published_at = models.DateTimeField(db_index=True)
    fetched_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    confidence = models.FloatField(default=1.0)
    views = models.PositiveIntegerField(default=0)
    extracted = models.JSONField(default=dict, help_text="The extractor's full output.")
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    # MinHash of the body's shingles (128 unsigned 64-bit values), for finding near-copies.
    minhash = models.BinaryField(default=b"", editable=False)
    shingle_count = models.PositiveIntegerField(default=0, editable=False)
    # The title's embedding (float16) when NEWSDESK_STORY_EMBEDDINGS is on, for grouping.
    title_embedding = models.BinaryField(default=b"", editable=False)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article", args=[self.pk, self.slug])

    @property
    def image(self) -> str:
        """Where the lead picture is shown from: newsdesk's copy, else the outlet's address."""
        return reverse("picture", args=[self.image_file]) if self.image_file else self.image_url

    @cached_property
    def image_size(self) -> Size | None:
        """The size of the lead picture's copy, where its bytes gave one."""
        lead = (self.extracted or {}).get("image") or {}
        width, height = lead.get("width"), lead.get("height")
        if self.image_file and lead.get("stored_as") == self.image_file and width and height:
            return Size(width, height)
        return None


class Appearance(models.Model):
    """One page an article was read from: the original, or a copy another outlet published."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="appearances")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="appearances")
    url = models.CharField(max_length=1000, unique=True)
    published_at = models.DateTimeField(null=True, blank=True)
    first_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["published_at", "id"]

    def __str__(self) -> str:
        return f"{self.article} at {self.source}"


class StoryDecision(models.Model):
    """An editor's word on where an article belongs, which later grouping must respect."""

    class Kind(models.TextChoices):
        PIN = "pin", "Belongs to"
        FORBID = "forbid", "Never in"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="decisions")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=6, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]


class Attribution(models.Model):
    """Something an article reports someone said, as direct quote or reported speech."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Reported speech"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attributions")
    position = models.PositiveIntegerField(help_text="Order in the article.")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = models.TextField()
    speaker = models.CharField(max_length=300, blank=True)
    speaker_slug = models.SlugField(max_length=300, blank=True, db_index=True)
    speaker_role = models.CharField(max_length=300, blank=True)
    cue = models.CharField(max_length=60, blank=True)
    according_to = models.CharField(max_length=300, blank=True)
    says = models.BooleanField(
        default=True,
        help_text='Someone\'s words (a quote, a verb of saying, an "according to"), not a '
        "stance, plan or event ascribed to them.",
    )

    class Meta:
        ordering = ["article", "position"]

    def __str__(self) -> str:
        return f"{self.speaker or 'unnamed'}: {self.text[:60]}"


class Reaction(models.Model):
    """One visitor's reaction to one article; a visitor may change it, never add a second."""

    KINDS = [(kind, kind.capitalize()) for kind in REACTIONS]

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="reactions")
    visitor = models.CharField(max_length=64)
    kind = models.CharField(max_length=10, choices=KINDS)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "visitor"], name="one_reaction_per_visitor")
        ]


class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(max_length=80)
    text = models.TextField(max_length=5000)
    approved = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.name} on {self.article}"


class PageError(models.Model):
    """A page that could not be fetched or extracted; retried on the next fetch until it works."""

    url = models.URLField(max_length=1000, unique=True)
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.CASCADE)
    stage = models.CharField(max_length=20, help_text="fetch, extract or store")
    error = models.TextField()
    attempts = models.PositiveIntegerField(default=1)
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_attempt_at"]

    def __str__(self) -> str:
        return f"{self.url}: {self.error}"
