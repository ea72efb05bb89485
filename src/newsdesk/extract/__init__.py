"""Extraction: one page, HTML or plain-text capture, in; a clean ExtractedArticle out."""
