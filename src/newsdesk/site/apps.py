from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "newsdesk.site"
    label = "site"
    verbose_name = "Site"
