from plugins.api import SearchDocument


class DummyNoteDocument(SearchDocument):
    def prepare_body(self, note):
        return note.body.strip()

    def is_public(self, note):
        return note.public


documents = [DummyNoteDocument("testdummy.DummyNote", fields=("title", "body"))]
