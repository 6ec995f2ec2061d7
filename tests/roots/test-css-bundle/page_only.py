"""Adds a stylesheet to one page while it is rendered, as the share footer does."""


def add(app, pagename, templatename, context, doctree):
    if pagename == "other":
        app.builder.add_css_file("page-only.css")


def setup(app):
    app.connect("html-page-context", add)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
