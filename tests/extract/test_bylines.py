"""Authors read from the page's bylines when no metadata names them."""

from newsdesk.extract.html import extract_html, parse_html
from newsdesk.extract.metadata import read_metadata


def authors_of(body: str) -> list[str]:
    return read_metadata(parse_html(f"<html><body>{body}</body></html>")).authors


def test_the_articles_byline_and_not_a_comments():
    body = """<article><p class="info"><span itemprop="author creator">Text: Ida Lund</span>
    · 24 September 2026</p><p>The port reopened.</p></article>
    <section class="comments"><span itemprop="author">Guest</span><p>Finally!</p></section>"""
    assert authors_of(body) == ["Ida Lund"]


def test_one_name_marked_twice_is_one_author():
    body = """<span itemprop="author">Associated Press</span>
    <a rel="author" href="/staff/ap">Associated Press</a>"""
    assert authors_of(body) == ["Associated Press"]


def test_a_byline_block_gives_its_name_and_not_its_date():
    body = """<ul itemprop="author"><li><a rel="author" href="/w/tom-hale"><img src="t.png"></a>
    </li><li>Tom Hale @tomhale Nov 19, 2026 at 6:46 pm ET • 2 min read</li></ul>
    <a rel="author" href="/w/tom-hale"> Tom Hale </a>"""
    assert authors_of(body) == ["Tom Hale"]
    named = """<div itemprop="author" itemscope><img src="t.png">
    <span itemprop="name">Tom Hale</span><span>Senior writer, ports and shipping</span></div>"""
    assert authors_of(named) == ["Tom Hale"]


def test_an_author_box_headed_about_the_writer_gives_the_name_alone():
    paragraph = (
        "A prefeitura anunciou que o porto será reaberto na próxima semana, depois de nove "
        "dias de greve. Os navios devem ser descarregados até o fim do mês."
    )
    page = f"""<html lang="pt"><head><title>Porto reabre</title></head><body><article>
    <h1>Porto reabre</h1>{f"<p>{paragraph}</p>" * 3}</article>
    <div class="author-box"><h4>Sobre Ida Lund</h4>
    <p>Ida Lund cobre o porto e a câmara municipal.</p></div></body></html>"""
    article = extract_html(page, "https://porto.example/noticia")
    assert [a.name for a in article.authors] == ["Ida Lund"]
    assert article.authors[0].bio == "Ida Lund cobre o porto e a câmara municipal."
