

def test_matrix_cells_escape_what_they_show():
    from courses.templatetags.courses_tags import matrix_row_cells

    html = matrix_row_cells([
        {"tag": "red\" onclick=\"x", "label": "<script>alert(1)</script>", "detail": "<b>&"},
        {"tag": "grey", "label": "Not started", "detail": ""},
    ])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'onclick="x' not in html and "&lt;b&gt;&amp;" in html
    assert html.count("<td>") == 2 and html.endswith("Not started</strong></td>")
