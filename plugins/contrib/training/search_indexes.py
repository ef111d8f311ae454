"""Courses in the project search: public while published, gone otherwise."""

from __future__ import annotations

from plugins.api import PUBLIC, SearchDocument


class CourseDocument(SearchDocument):
    """A course in Hebrew and English, with format and target-role facets."""

    def prepare_title(self, course):
        return " / ".join(t for t in (course.title_he, course.title_en) if t)

    def prepare_body(self, course):
        parts = (
            course.description_he,
            course.description_en,
            course.provider,
            course.prerequisites,
        )
        return "\n".join(part for part in parts if part)

    def prepare_format(self, course):
        return course.format

    def prepare_target_roles(self, course):
        return list(course.target_roles)

    def prepare_url(self, course):
        from .pages import course_url

        return course_url(course, course.language)

    def prepare_language(self, course):
        return course.language

    def prepare_date(self, course):
        return course.created_at

    def is_indexed(self, course):
        return course.is_published

    def is_public(self, course):
        return course.is_published

    def audience(self, course):
        return [PUBLIC] if course.is_published else []

    def community_of(self, course):
        return None  # network-wide: sessions, not courses, belong to communities


documents = [
    CourseDocument(
        "training.Course",
        fields=("title", "body", "format", "target_roles"),
        facets={"format": "format"},
        type_name="course",
    ),
]
