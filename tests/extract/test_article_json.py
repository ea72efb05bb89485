"""An article read back from its JSON form (as a worker hands it on) is the article it was."""

from pathlib import Path

import pytest

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.page import read_file, read_page
from newsdesk.pipeline import understand

HERE = Path(__file__).parent
SAVED = sorted((HERE / "pages").glob("*.html")) + sorted((HERE / "captures").glob("*.txt"))


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.name)
def test_the_json_form_keeps_everything(path):
    content, content_type = read_file(path)
    article = read_page(content, "", content_type)
    understand([article])
    assert article.body and (article.attributions or article.entities)
    again = ExtractedArticle.from_json(article.to_json())
    assert again == article
    assert type(again.published) is type(article.published)
