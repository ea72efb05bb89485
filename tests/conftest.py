"""Shared test setup: a throwaway data directory, set before Django reads its settings."""

import os
import tempfile

os.environ.setdefault("NEWSDESK_DATA_DIR", tempfile.mkdtemp(prefix="newsdesk-test-"))
os.environ.setdefault("NEWSDESK_FETCH_ALLOW_PRIVATE", "true")
