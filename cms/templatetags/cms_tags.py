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


@register.filter
def flowed(text):
    """Typed text bounded for a PDF (cms.limits.flowed): use before linebreaksbr."""
    from cms.limits import flowed as flow

    return flow(text)
