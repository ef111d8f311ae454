"""Courses are search documents: public while published, not indexed otherwise."""

import pytest

from plugins.contrib.training.search_indexes import documents
from plugins.types import DOCUMENT_KEYS

from .conftest import make_course


@pytest.mark.django_db
def test_published_course_document(catalog):
    course = make_course(title_en="Leading volunteers", provider="המכון")
    (document,) = documents
    values = document.document(course)
    assert set(values) == set(DOCUMENT_KEYS)
    assert "קורס leading-volunteers" in values["title"]
    assert "Leading volunteers" in values["title"]
    assert "המכון" in values["body"]
    assert values["type"] == "course"
    assert values["audience"] == ["public"]
    assert values["language"] == "he"
    assert values["url"] == "/training/course/leading-volunteers/"
    assert values["facets"] == {"format": "workshop"}
    assert document.is_indexed(course)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["draft", "withdrawn"])
def test_unpublished_courses_are_not_indexed(status):
    course = make_course(status=status)
    (document,) = documents
    assert not document.is_indexed(course)
    assert document.document(course)["audience"] == []
