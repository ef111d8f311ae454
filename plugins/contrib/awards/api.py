"""``/api/v3/plugins/awards/``: programs, cycles and winners for everyone; a
member's nominations and a juror's assignments and scoring when signed in.

Errors answer ``{"detail": "...", "field": "..."}`` with 400 (bad input), 401
(not signed in), 403 (not allowed), 404 (unknown) or 409 (wrong phase). Unannounced
results never leave the API: winners appear only once their cycle is announced.
The language comes from ``?lang=he|en``, else from the request.
"""

from __future__ import annotations

import datetime
import functools

from django.db.models import Prefetch, Q
from django.http import FileResponse
from django.utils import translation
from ninja import File, Form, Router, Schema, Status, UploadedFile

from plugins.api import exclude_inactive_communities, user_community_keys

from . import services
from .apps import LABEL
from .models import (
    PHASE_SLUGS,
    AwardCycle,
    AwardProgram,
    Nomination,
    NominationDocument,
    Phase,
    Result,
    language_of,
)
from .pages import AwardProgramPage
from .rules import AwardError, NotFound, may_read_nomination, require_signed_in

router = Router()


def in_request_language(view):
    """Answer (messages included) in ``?lang=`` or the request's language: the
    API's URLs carry no language prefix, so the site default would win."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(_language(request, request.GET.get("lang"))):
            return view(request, *args, **kwargs)

    return wrapper


router.add_decorator(in_request_language)


class Message(Schema):
    detail: str
    field: str = ""


ERRORS = {code: Message for code in (400, 401, 403, 404, 409)}


def _fail(error: AwardError):
    return Status(error.status, {"detail": error.message, "field": error.field})


def _language(request, lang: str | None) -> str:
    return language_of(lang or translation.get_language_from_request(request))


def _page_urls(request, language: str) -> dict[int, str]:
    pages = AwardProgramPage.objects.live().filter(locale__language_code=language)
    return {page.program_id: page.get_url(request) for page in pages}


# --- public ---------------------------------------------------------------------
class CriterionOut(Schema):
    id: int
    name: str
    weight: int


class AwardOut(Schema):
    program: str
    year: int
    result: str
    rank: int | None
    nominee_name: str
    community_id: int | None
    results_url: str


class CycleOut(Schema):
    id: int
    program: str
    year: int
    phase: str
    phase_label: str
    nominations_open_on: datetime.date
    nominations_close_on: datetime.date
    judging_starts_on: datetime.date
    judging_ends_on: datetime.date
    results_on: datetime.date
    criteria: list[CriterionOut]
    awards: list[AwardOut]


class ProgramOut(Schema):
    slug: str
    title: str
    description: str
    language: str
    url: str
    cycles: list[CycleOut]


def _award(nomination: Nomination, cycle: AwardCycle, url: str) -> dict:
    return {
        "program": cycle.program.slug,
        "year": cycle.year,
        "result": nomination.result,
        "rank": nomination.rank,
        "nominee_name": nomination.nominee_name,
        "community_id": nomination.community_id,
        "results_url": f"{url}{cycle.year}/" if url else "",
    }


def _cycle(cycle: AwardCycle, language: str, url: str) -> dict:
    announced = cycle.phase == Phase.ANNOUNCED
    return {
        "id": cycle.pk,
        "program": cycle.program.slug,
        "year": cycle.year,
        "phase": PHASE_SLUGS[Phase(cycle.phase)],
        "phase_label": cycle.get_phase_display(),
        **{
            name: getattr(cycle, name)
            for name in (
                "nominations_open_on",
                "nominations_close_on",
                "judging_starts_on",
                "judging_ends_on",
                "results_on",
            )
        },
        "criteria": [
            {"id": c.pk, "name": c.name_for(language), "weight": c.weight}
            for c in cycle.criteria.all()
        ],
        "awards": [_award(n, cycle, url) for n in cycle.awarded] if announced else [],
    }


def _cycles():
    awarded = Nomination.objects.exclude(result=Result.NONE).order_by("rank", "pk")
    return AwardCycle.objects.select_related("program").prefetch_related(
        "criteria", Prefetch("nominations", queryset=awarded, to_attr="awarded")
    )


@router.get("/programs/", response=list[ProgramOut])
def list_programs(request, lang: str | None = None):
    """Every award program with its cycles (newest first)."""
    language = _language(request, lang)
    urls = _page_urls(request, language)
    programs = AwardProgram.objects.prefetch_related(
        Prefetch("cycles", queryset=_cycles().order_by("-year"))
    )
    return [_program(p, language, urls.get(p.pk, "")) for p in programs]


def _program(program: AwardProgram, language: str, url: str) -> dict:
    return {
        "slug": program.slug,
        "title": program.title_for(language),
        "description": program.description_for(language),
        "language": language,
        "url": url,
        "cycles": [_cycle(c, language, url) for c in program.cycles.all()],
    }


@router.get("/programs/{slug}/", response={200: ProgramOut, **ERRORS})
def program_detail(request, slug: str, lang: str | None = None):
    """One program and its cycles."""
    language = _language(request, lang)
    program = (
        AwardProgram.objects.filter(slug=slug)
        .prefetch_related(Prefetch("cycles", queryset=_cycles().order_by("-year")))
        .first()
    )
    if program is None:
        return Status(404, {"detail": f"No award program {slug!r}."})
    return _program(
        program, language, _page_urls(request, language).get(program.pk, "")
    )


@router.get("/cycles/{cycle_id}/", response={200: CycleOut, **ERRORS})
def cycle_detail(request, cycle_id: int, lang: str | None = None):
    """One cycle: phase, dates, criteria; its awards once announced."""
    language = _language(request, lang)
    cycle = _cycles().filter(pk=cycle_id).first()
    if cycle is None:
        return Status(404, {"detail": f"No award cycle {cycle_id}."})
    return _cycle(
        cycle, language, _page_urls(request, language).get(cycle.program_id, "")
    )


@router.get("/winners/", response=list[AwardOut])
def winners(request, program: str | None = None, lang: str | None = None):
    """Winners and honourable mentions of announced cycles, newest first."""
    urls = _page_urls(request, _language(request, lang))
    rows = Nomination.objects.filter(
        cycle__phase=Phase.ANNOUNCED, result__in=[Result.WINNER, Result.MENTION]
    ).select_related("cycle__program")
    if program:
        rows = rows.filter(cycle__program__slug=program)
    rows = exclude_inactive_communities(rows, LABEL).order_by(
        "-cycle__year", "cycle__program__slug", "rank", "pk"
    )
    return [_award(n, n.cycle, urls.get(n.cycle.program_id, "")) for n in rows]


# --- nominations (signed in) ----------------------------------------------------
class DocumentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    url: str


class NominationOut(Schema):
    id: int
    cycle_id: int
    year: int
    program: str
    nominee_name: str
    community_id: int | None
    statement: str
    status: str
    documents: list[DocumentOut]
    additions: int
    merged: bool = False
    detail: str = ""


class NominationIn(Schema):
    cycle: int
    community: int | None = None
    nominee_name: str = ""
    nominee_description: str = ""
    nominee_website: str = ""
    statement: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


def _document(document: NominationDocument) -> dict:
    return {
        "id": document.pk,
        "name": document.original_name,
        "content_type": document.content_type,
        "size": document.size,
        "url": f"/api/v3/plugins/{LABEL}/documents/{document.pk}/",
    }


def _nomination(nomination: Nomination, merged: bool = False, detail: str = "") -> dict:
    return {
        "id": nomination.pk,
        "cycle_id": nomination.cycle_id,
        "year": nomination.cycle.year,
        "program": nomination.cycle.program.slug,
        "nominee_name": nomination.nominee_name,
        "community_id": nomination.community_id,
        "statement": nomination.statement,
        "status": nomination.status,
        "documents": [_document(d) for d in nomination.documents.all()],
        "additions": len(nomination.additions.all()),
        "merged": merged,
        "detail": detail,
    }


def _nominations():
    return Nomination.objects.select_related("cycle__program").prefetch_related(
        "documents", "additions"
    )


@router.get("/my/nominations/", response={200: list[NominationOut], **ERRORS})
def my_nominations(request):
    """Nominations I made, and those of communities where I am an editor."""
    try:
        require_signed_in(request.user)
    except AwardError as error:
        return _fail(error)
    keys = user_community_keys(request.user, roles=("editor", "center_director"))
    rows = _nominations().filter(
        Q(nominator=request.user) | Q(community__translation_key__in=keys)
    )
    return [_nomination(n) for n in rows.order_by("-created", "-pk")]


@router.post(
    "/nominations/", response={200: NominationOut, 201: NominationOut, **ERRORS}
)
def create_nomination(
    request, payload: Form[NominationIn], files: File[list[UploadedFile]] = None
):
    """Nominate (multipart form; ``files``: supporting documents). A community
    already nominated in the cycle gets this statement as support (200,
    ``merged``: true) instead of a second nomination (201)."""
    cycle = (
        AwardCycle.objects.select_related("program").filter(pk=payload.cycle).first()
    )
    try:
        require_signed_in(request.user)
        if cycle is None:
            raise NotFound(f"No award cycle {payload.cycle}.")
        data = payload.dict(exclude={"cycle"})
        nomination, merged = services.nominate(
            request.user,
            cycle,
            **data,
            files=files or [],
            language=translation.get_language_from_request(request),
        )
    except AwardError as error:
        return _fail(error)
    from .pages import _merged_message

    nomination = _nominations().get(pk=nomination.pk)
    body = _nomination(nomination, merged, _merged_message(nomination, merged))
    return Status(200 if merged else 201, body)


def _readable(request, nomination_id: int) -> Nomination:
    require_signed_in(request.user)
    nomination = _nominations().filter(pk=nomination_id).first()
    if nomination is None or not may_read_nomination(request.user, nomination):
        raise NotFound(f"No nomination {nomination_id} you may read.")
    return nomination


@router.get("/nominations/{nomination_id}/", response={200: NominationOut, **ERRORS})
def nomination_detail(request, nomination_id: int):
    """One nomination, for its nominator, the community's editors, the jury
    (without a conflict of interest) and the managers."""
    try:
        return _nomination(_readable(request, nomination_id))
    except AwardError as error:
        return _fail(error)


@router.post(
    "/nominations/{nomination_id}/material/", response={201: NominationOut, **ERRORS}
)
def add_material(
    request,
    nomination_id: int,
    text: Form[str] = "",
    files: File[list[UploadedFile]] = None,
):
    """The nominated community's editors add text and documents (until judging)."""
    try:
        require_signed_in(request.user)
        nomination = _nominations().filter(pk=nomination_id).first()
        if nomination is None:
            raise NotFound(f"No nomination {nomination_id}.")
        services.add_material(request.user, nomination, text, files or [])
    except AwardError as error:
        return _fail(error)
    return Status(201, _nomination(_nominations().get(pk=nomination_id)))


@router.get("/documents/{document_id}/", response={200: None, **ERRORS})
def download_document(request, document_id: int):
    """A supporting document, only for those who may read its nomination."""
    document = (
        NominationDocument.objects.select_related("nomination__cycle__program")
        .filter(pk=document_id)
        .first()
    )
    try:
        require_signed_in(request.user)
        if document is None or not may_read_nomination(
            request.user, document.nomination
        ):
            raise NotFound(f"No document {document_id} you may read.")
    except AwardError as error:
        return _fail(error)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


from .api_jury import router as jury_router  # noqa: E402

router.add_router("/jury/", jury_router)
