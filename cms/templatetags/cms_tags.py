from django import template

register = template.Library()


@register.filter
def is_current_for(page, request):
    """True when the request is for this page or one below it."""
    url = page.get_url(request=request)
    return bool(url) and url != "/" and request.path.startswith(url)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    from cms.navigation import breadcrumbs_for

    return breadcrumbs_for(page, context["request"])


@register.filter
def percent(part, whole):
    return round(100 * part / whole) if whole else 0


# Django's catch-all "This field is required." names no field; GOV.UK's pattern says what
# to do about which field ("Enter your email address").
_REQUIRED = "This field is required."
_SAY_INSTEAD = {"confirm password": "Enter your password again",
                "confirm new password": "Enter your new password again"}


@register.filter
def error_message(error, field):
    if str(error) != _REQUIRED:
        return error
    label = str(field.label or field.name).strip()
    if label.lower() in _SAY_INSTEAD:
        return _SAY_INSTEAD[label.lower()]
    widget = getattr(field, "widget_type", "")
    verb = {"select": "Choose", "radioselect": "Choose", "checkboxselectmultiple": "Choose",
            "checkbox": "Tick"}.get(widget, "Enter")
    return f"{verb} {label[:1].lower()}{label[1:]}" if not label.isupper() else f"{verb} {label}"


@register.filter
def flowed(text):
    """Typed text bounded for a PDF (cms.limits.flowed): use before linebreaksbr."""
    from cms.limits import flowed as flow

    return flow(text)


class LiveNode(template.Node):
    def __init__(self, name, key, nodelist):
        self.name, self.key, self.nodelist = name, key, nodelist

    def render(self, context):
        from cms.page_cache import live_marker

        return live_marker(self.name.resolve(context), self.key.resolve(context),
                           self.nodelist.render(context))


@register.tag
def live(parser, token):
    """`{% live "events.places" event.pk %}...{% endlive %}`: a figure that must be right
    on every view of a cached page (places left). It renders as written, marked, and the
    page cache asks the figure's registered renderer for it afresh on every cached hit
    (cms.page_cache, path 3)."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("{% live name id %} takes a name and an id")
    nodelist = parser.parse(("endlive",))
    parser.delete_first_token()
    return LiveNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist)


def _kept_body(parser, tag, end):
    """The body of a tag whose output is kept: it may hold no {% block %}, and Django's
    search for blocks (which `{% extends %}` makes over the parent template on every render)
    does not look inside it."""
    from django.template.loader_tags import BlockNode

    nodelist = parser.parse((end,))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError(f"{{% {tag} %}} cannot hold a {{% block %}}")
    return nodelist


class SharedNode(template.Node):
    child_nodelists = ()  # see _kept_body

    def __init__(self, parts, nodelist):
        self.parts, self.nodelist = parts, nodelist

    def render(self, context):
        from cms.page_cache import shared_fragment

        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # An admin preview shows unsaved content: never kept, never taken from the cache.
            return self.nodelist.render(context)
        name = ":".join(str(part.resolve(context)) for part in self.parts)
        return shared_fragment(f"html:{name}", lambda: str(self.nodelist.render(context)))


@register.tag
def shared(parser, token):
    """`{% shared "course-body" page.pk %}...{% endshared %}`: HTML that every visitor of
    the page sees alike, rendered once and kept as a shared fragment (cms.page_cache,
    path 1: dropped by any change of content). The name and ids must say everything the
    HTML depends on; nothing personal may be inside."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared name [id ...] %} takes a name")
    nodelist = _kept_body(parser, "shared", "endshared")
    return SharedNode([parser.compile_filter(bit) for bit in bits[1:]], nodelist)


# Where a form's CSRF token goes in a kept personal fragment: the token is the session's,
# not the fragment's, so it is put in afresh on every view.
CSRF_PLACEHOLDER = "csrf-token-placeholder-7c1e"


class PersonalNode(template.Node):
    child_nodelists = ()  # see _kept_body

    def __init__(self, parts, using, nodelist):
        self.parts, self.using, self.nodelist = parts, using, nodelist

    def _render(self, context):
        if self.using is None:
            return self.nodelist.render(context)
        values = self.using.resolve(context)
        with context.push(**(values() if callable(values) else values)):
            return self.nodelist.render(context)

    def render(self, context):
        from cms.page_cache import personal_fragment

        request = context.get("request")
        user = getattr(request, "user", None)
        token = context.get("csrf_token")
        if (user is None or not user.is_authenticated or token is None
                or request.method != "GET" or getattr(request, "is_preview", False)
                or context.get("personal_not_kept")):
            # Anonymous visitors, a form posted back with its errors, an admin preview, a
            # page that says its state is not only the person's records: rendered as
            # written, never kept.
            return self._render(context)

        def build():
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                return str(self._render(context))

        name = ":".join(str(part.resolve(context)) for part in self.parts)
        html = personal_fragment(user, f"html:{name}", build)
        return html.replace(CSRF_PLACEHOLDER, str(token)) if CSRF_PLACEHOLDER in html else html


@register.tag
def personal(parser, token):
    """`{% personal "course-progress" page.pk [using state] %}...{% endpersonal %}`: HTML
    about the signed-in person's own records, rendered once and kept in this process until
    their records (or the content, their roles, or the date) change (cms.page_cache,
    path 4). The name and ids must say everything else the HTML depends on. What is inside
    reads the person's state lazily: from callables in the context, or from `using`, a
    callable returning the variables to render with, so that a kept fragment costs no
    query. A view sets `personal_not_kept` for a page whose state is more than the
    person's records."""
    bits = token.split_contents()
    using = None
    if len(bits) > 3 and bits[-2] == "using":
        using, bits = parser.compile_filter(bits[-1]), bits[:-2]
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% personal name [id ...] %} takes a name")
    nodelist = _kept_body(parser, "personal", "endpersonal")
    return PersonalNode([parser.compile_filter(bit) for bit in bits[1:]], using, nodelist)
