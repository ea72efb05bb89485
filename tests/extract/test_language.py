"""An article's language: the page's declaration, checked against what its text is in."""

from newsdesk.extract.html import extract_html
from newsdesk.extract.language import article_language

PORTUGUESE = (
    "A prefeitura anunciou nesta terça-feira que o porto será reaberto na próxima semana, "
    "depois de nove dias de greve dos estivadores. Os navios que esperam ao largo devem ser "
    "descarregados até o fim do mês, segundo a administração do porto."
)
ENGLISH = (
    "The council announced on Tuesday that the port will reopen next week, after a nine-day "
    "strike by dock workers. Ships waiting offshore should be unloaded by the end of the "
    "month, according to the port authority."
)


def test_a_missing_declaration_is_read_from_the_text():
    assert article_language("Porto reabre", PORTUGUESE) == "pt"
    assert article_language("Port reopens", ENGLISH) == "en"


def test_a_template_declaration_gives_way_to_a_text_plainly_in_another_language():
    assert article_language("Port reopens", ENGLISH, declared="de") == "en"


def test_the_declaration_stands_where_the_text_says_too_little():
    assert article_language("OK", "Ciao!", declared="it") == "it"
    assert article_language("OK", "", declared="") == ""


def test_a_quote_in_another_language_leaves_the_declaration():
    quoted = f'{ENGLISH} "Vamos voltar ao trabalho amanhã," one docker said.'
    assert article_language("Port reopens", quoted, declared="en") == "en"
    mixed = f"{ENGLISH} {ENGLISH} {PORTUGUESE}"
    assert article_language("Port reopens", mixed, declared="pt") == "pt"


def test_an_html_page_without_a_declaration_gets_its_language():
    page = (
        "<html><head><title>Porto reabre</title></head><body><article><h1>Porto reabre</h1>"
        f"<p>{PORTUGUESE}</p><p>{PORTUGUESE.replace('nove', 'dez')}</p></article></body></html>"
    )
    assert extract_html(page, "https://porto.example/noticia").language == "pt"
