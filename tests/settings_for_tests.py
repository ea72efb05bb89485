"""Settings for the test run: a throwaway data directory, set before the real settings load.

With DATABASE_URL=postgres://... the tests run on that PostgreSQL server, in test databases
created on it and dropped after.
"""

import os
import tempfile

os.environ.setdefault("NEWSDESK_DATA_DIR", tempfile.mkdtemp(prefix="newsdesk-test-"))
# Tests fetch from servers they start on loopback.
os.environ.setdefault("NEWSDESK_FETCH_ALLOW_PRIVATE", "true")

from newsdesk.settings import *  # noqa: F403
from newsdesk.settings import STATIC_ROOT

STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Connections are closed after each request, so no server thread holds the test database open.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
