from ninja import Router, Schema, Status

from plugins.api import exclude_inactive_communities, plugin_settings

from .models import DummyNote

router = Router()


class NoteOut(Schema):
    id: int
    title: str
    community_id: int | None


@router.get("/notes/", response=list[NoteOut])
def list_notes(request):
    notes = DummyNote.objects.filter(public=True).order_by("pk")
    return exclude_inactive_communities(notes, "testdummy")


@router.get("/greeting/")
def greeting(request):
    return {"greeting": plugin_settings("testdummy")["greeting"]}


class NoteIn(Schema):
    title: str


@router.post("/notes/", response={201: NoteOut, 401: dict})
def create_note(request, data: NoteIn):
    if not request.user.is_authenticated:
        return Status(401, {"detail": "Sign in to add a note."})
    note = DummyNote.objects.create(title=data.title, author=request.user)
    return Status(201, note)
