from plugins.api import hookimpl


@hookimpl
def kehilot_member_left(membership):  # no such event
    pass
