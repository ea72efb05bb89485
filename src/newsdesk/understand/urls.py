"""Article addresses: the canonical URL a page declares, and a key its variants share."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

import courlan

# Hosts that serve a mobile or AMP copy of the main site under a prefix.
_VARIANT_HOSTS = ("www.", "m.", "mobile.", "amp.")
# Path segments and query parameters that mark an AMP rendition of the same article.
_AMP_SEGMENTS = {"amp", "amp.html"}
_AMP_PARAMETERS = {"amp", "outputType"}


def clean(url: str) -> str:
    """The address with tracking parameters (utm_*, fbclid, ref...) and fragment dropped.

    Non-strict on purpose: strict mode also drops parameters that identify the article
    (`?article=55`), which would fold different articles onto one address.
    """
    cleaned = courlan.normalize_url(url, strict=False)
    return urlunsplit(urlsplit(cleaned)._replace(fragment=""))


def canonical_url(url: str, rel_canonical: str = "", og_url: str = "") -> str:
    """The address an article is known by: its `rel=canonical`, then `og:url`, then the link.

    A declaration counts only when it is an http(s) address; relative ones resolve
    against the page. The result is a working address, cleaned of tracking parameters.
    """
    for declared in (rel_canonical, og_url):
        if declared and declared.strip():
            resolved = urljoin(url, declared.strip())
            if urlsplit(resolved).scheme in ("http", "https") and courlan.check_url(
                resolved, strict=False
            ):
                return clean(resolved)
    return clean(url) if url else ""


def url_key(url: str) -> str:
    """What every variant of one address shares: http or https, www, mobile and AMP
    versions, trailing slashes and tracking parameters all give the same key."""
    if not url:
        return ""
    parts = urlsplit(clean(url))
    host = parts.netloc.lower()
    for prefix in _VARIANT_HOSTS:
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    segments = [s for s in parts.path.split("/") if s and s not in _AMP_SEGMENTS]
    path = "/".join(segments).removesuffix(".amp")
    query = "&".join(
        sorted(p for p in parts.query.split("&") if p and p.split("=")[0] not in _AMP_PARAMETERS)
    )
    return f"{host}/{path}" + (f"?{query}" if query else "")
