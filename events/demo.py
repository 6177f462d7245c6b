"""Demo content for this app; called by `seed_demo` after the Centre's pages and people."""


def seed(stdout, context):
    pass
