"""newsdesk: a self-hosted news desk that ingests, extracts, understands and publishes articles."""

__version__ = "0.1.0"
