"""Test articles: unrelated ones that share no story, and one event told by several outlets."""

from datetime import UTC, datetime

import numpy as np

from newsdesk.extract.article import ExtractedArticle

TOPICS = [
    ("Ferry fares rise for island commuters", "Tickets to Skerry cost two crowns more."),
    ("Museum opens whaling gallery", "Harpoons and logbooks fill the east wing."),
    ("Council approves cycle lanes on Quay Road", "Painted lanes arrive before autumn."),
    ("Lighthouse keeper retires after forty winters", "Brann tended the lamp since 1986."),
    ("Bakery wins national sourdough prize", "Judges praised its rye crust."),
    ("Storm drains blocked by autumn leaves", "Crews cleared gullies on Mill Lane."),
    ("School choir tours Norway", "Thirty pupils sing in Bergen cathedral."),
    ("Trawler catch hits record mackerel haul", "Holds carried ninety tonnes ashore."),
    ("Chess club crowns teenage champion", "Mira Holt beat the grandmaster in blitz."),
    ("Orchard harvest festival draws crowds", "Cider presses ran from dawn."),
]


def headline(n: int) -> str:
    return f"{TOPICS[n % len(TOPICS)][0]} {n}"


def body(n: int) -> list[str]:
    return [TOPICS[n % len(TOPICS)][1]]


OUTLETS = {
    "harbour": ("Harbour Post", "https://harbour.example"),
    "valley": ("Valley Ledger", "https://valley.example"),
    "wire": ("Morning Wire", "https://wire.example"),
    "north": ("Northline News", "https://northline.example"),
}

STRIKE = [
    "Dock workers in Port Alder voted on Sunday to end a nine-day strike that had left "
    "container ships queueing outside the harbour mouth.",
    "The harbour authority agreed to a twelve percent rise for night shifts and a review of "
    "crane maintenance, the union said after the ballot.",
    "Shipping agents expect the backlog of forty vessels to clear within a week, although "
    "perishable cargo losses are still being counted.",
    "The strike began after a crane collapse injured two workers, prompting a walkout over "
    "safety and pay that spread to the grain terminal.",
    "Union leader Mara Kessel told members the deal was the best in a decade and thanked "
    "families who had supported the picket lines.",
]


def page(
    outlet: str, slug: str, title: str, body: list[str], hour: int, **more
) -> ExtractedArticle:
    name, home = OUTLETS[outlet]
    return ExtractedArticle(
        title=title,
        body=body,
        url=f"{home}/news/{slug}",
        site_name=name,
        published=datetime(2026, 3, 2, hour, 0, tzinfo=UTC),
        confidence=0.9,
        **more,
    )


def unit(*values: float) -> np.ndarray:
    """A small unit-length vector, standing in for a title embedding."""
    vector = np.zeros(8, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)
