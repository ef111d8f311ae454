from ninja import Router, Schema

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
