from django import template

from cpd.services import format_hours

register = template.Library()


@register.filter
def hours(value):
    """CPD hours in words with the right plural: "1 hour", "2.5 hours"."""
    return format_hours(value)
