from django.core.management.base import BaseCommand

from forum.areas import ensure_all


class Command(BaseCommand):
    help = (
        "Create the network forums and a forum area for every community "
        "(idempotent); --rerender renders every stored post again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rerender",
            action="store_true",
            help="Render stored posts and signatures again with forum.markup "
            "(after a change of the sanitiser's rules).",
        )

    def handle(self, *args, **options):
        result = ensure_all()
        self.stdout.write(
            f"Forum areas: {result['areas_created']} created for "
            f"{result['communities']} communities."
        )
        if options["rerender"]:
            self.stdout.write(f"Posts rendered again: {rerender()}")


def rerender() -> int:
    from machina.core.db.models import get_model

    from forum.markup import render_post

    done = 0
    for app_label, model_name, field in (
        ("forum_conversation", "Post", "content"),
        ("forum_member", "ForumProfile", "signature"),
        ("forum", "Forum", "description"),
    ):
        model = get_model(app_label, model_name)
        for pk, raw in model.objects.values_list("pk", field).iterator():
            model.objects.filter(pk=pk).update(
                **{f"_{field}_rendered": render_post(raw) if raw else None}
            )
            done += 1
    return done
