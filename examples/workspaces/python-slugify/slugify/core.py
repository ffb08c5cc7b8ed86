"""Turn titles into URL slugs."""

import re

__all__ = ["slugify"]

MAX_LENGTH = 80


def slugify(text: str) -> str:
    """A lower-case, dash-separated slug of `text`, at most MAX_LENGTH characters."""
    text = text.strip()
    text = re.sub(r"[^a-z0-9]", "-", text.lower())
    return text[:MAX_LENGTH]


def is_slug(text: str) -> bool:
    """Whether `text` is already a slug."""
    return slugify(text) == text
