from slugify import slugify
from slugify.core import is_slug


def test_joins_words_with_dashes():
    assert slugify("Hello World") == "hello-world"


def test_is_slug():
    assert is_slug("hello-world")
    assert not is_slug("Hello World")
