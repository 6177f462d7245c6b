from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def matrix_row_cells(cells):
    """A row of the team matrix. One tag for the row rather than template nodes for each
    of its cells: a page of the matrix has hundreds of cells."""
    return format_html_join(
        "", "<td>{}</td>",
        ((format_html('<strong class="tag tag--{}">{}</strong>{}', cell["tag"], cell["label"],
                      format_html('<br><span class="muted">{}</span>', cell["detail"])
                      if cell["detail"] else ""),) for cell in cells),
    )
