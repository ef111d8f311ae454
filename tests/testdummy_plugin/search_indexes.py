from plugins.api import SearchDocument


class DummyNoteDocument(SearchDocument):
    def prepare_body(self, note):
        return note.body.strip()

    def is_public(self, note):
        return note.public

    def owner_of(self, note):
        return note.author


documents = [
    DummyNoteDocument("testdummy.DummyNote", fields=("title", "body"), type_name="note")
]
