"""Reading XML sitemaps (and Google News sitemaps) into feed entries."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from newsdesk.ingest.feeds import FeedEntry, FeedError, ParsedFeed

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
# No entities, no network, no huge trees: a sitemap is untrusted input.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


def is_sitemap(content: bytes) -> bool:
    head = content[:1024]
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(content: bytes, url: str) -> ParsedFeed:
    """A urlset gives one entry per page; a sitemap index gives its child sitemaps as `children`."""
    try:
        root = etree.fromstring(content, PARSER)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not a sitemap: {exc}") from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = [loc.strip() for loc in root.xpath("sm:sitemap/sm:loc/text()", namespaces=NS)]
        return ParsedFeed(title="", link=url, children=children)
    if tag != "urlset":
        raise FeedError(f"not a sitemap: the root element is <{tag}>")
    entries = []
    for node in root.xpath("sm:url", namespaces=NS):
        loc = "".join(node.xpath("sm:loc/text()", namespaces=NS)).strip()
        if not loc:
            continue
        entries.append(
            FeedEntry(
                url=loc,
                title="".join(node.xpath("news:news/news:title/text()", namespaces=NS)).strip(),
                published=_date(
                    node.xpath("news:news/news:publication_date/text()", namespaces=NS)
                ),
                updated=_date(node.xpath("sm:lastmod/text()", namespaces=NS)),
            )
        )
    return ParsedFeed(title="", link=url, entries=entries)


def _date(values: list[str]) -> datetime | None:
    if not values:
        return None
    try:
        when = datetime.fromisoformat(values[0].strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
